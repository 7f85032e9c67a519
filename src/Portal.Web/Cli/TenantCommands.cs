using Portal.Core.Tenancy;

namespace Portal.Web.Cli;

internal static class TenantCommands
{
    public static async Task<int> ListAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        var catalog = services.GetRequiredService<TenantCatalog>();
        IEnumerable<Tenant> tenants = catalog.All;
        if (arguments.Option("level") is { } levelText)
        {
            if (!Enum.TryParse<TenantLevel>(levelText, ignoreCase: true, out var level))
            {
                throw new CliUsageException($"unknown level '{levelText}'. Use one of: {string.Join(", ", Enum.GetNames<TenantLevel>())}.");
            }

            tenants = tenants.Where(t => t.Level == level);
        }

        if (arguments.Option("parent") is { } parentName)
        {
            var parent = catalog.FindByName(parentName) ?? throw new CliUsageException($"there is no tenant named '{parentName}'.");
            tenants = tenants.Where(t => t.ParentId == parent.Id);
        }

        var rows = tenants.ToList();
        await output.WriteLineAsync($"{"NAME",-32} {"LEVEL",-10} {"STATE",-13} {"ADDRESS",-40} DISPLAY NAME");
        foreach (var tenant in rows)
        {
            var address = string.Join(",", tenant.Hosts.Select(h => tenant.Prefix.Length > 0 ? $"{h}/{tenant.Prefix}" : h).DefaultIfEmpty(tenant.Prefix.Length > 0 ? "/" + tenant.Prefix : "/"));
            await output.WriteLineAsync($"{tenant.Name,-32} {tenant.Level,-10} {tenant.State,-13} {address,-40} {tenant.DisplayName}");
        }

        await output.WriteLineAsync($"{rows.Count} tenant(s).");
        return 0;
    }

    public static async Task<int> ProvisionAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        if (arguments.Option("csv") is { } csv)
        {
            return await TenantCsvImport.RunAsync(services, arguments, csv, output);
        }

        var request = new TenantRequest
        {
            Name = arguments.Option("name") ?? throw new CliUsageException("tenants provision needs --name (e.g. --name xa-hong-ha)."),
            DisplayName = arguments.Option("display-name"),
            Level = arguments.Option("level"),
            Parent = arguments.Option("parent"),
            Recipe = arguments.Option("recipe"),
            AllowRecipeFile = true,
            Prefix = arguments.Option("prefix"),
            Hosts = [.. arguments.Options("host").SelectMany(h => h.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        };
        var tenant = await services.GetRequiredService<TenantManager>().ProvisionAsync(request);
        var address = tenant.Hosts.Count > 0 ? string.Join(", ", tenant.Hosts) + (tenant.Prefix.Length > 0 ? "/" + tenant.Prefix : "") : "/" + tenant.Prefix;
        await output.WriteLineAsync($"Provisioned '{tenant.Name}' ({tenant.Level}, {tenant.DisplayName}) at {address}.");
        return 0;
    }

    public static async Task<int> DisableAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        var tenant = await services.GetRequiredService<TenantManager>().DisableAsync(arguments.Positional[2]);
        await output.WriteLineAsync($"Disabled '{tenant.Name}': its public pages answer 404 and its admin 503; its data is kept.");
        return 0;
    }

    public static async Task<int> RemoveAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        await services.GetRequiredService<TenantManager>().RemoveAsync(arguments.Positional[2]);
        await output.WriteLineAsync($"Removed '{arguments.Positional[2]}' and all its data.");
        return 0;
    }

    public static async Task<int> EnableAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        var tenant = await services.GetRequiredService<TenantManager>().EnableAsync(arguments.Positional[2]);
        await output.WriteLineAsync($"Enabled '{tenant.Name}'.");
        return 0;
    }
}
