using Portal.Api.Services;
using Portal.Core.Tenancy;
using Portal.Core;

namespace Portal.Web.Cli;

/// <summary><c>api-clients add|list|remove</c>: a site's API clients (docs/contracts.md), the same rules as the admin page.</summary>
internal static class ApiClientCommands
{
    public static async Task<int> AddAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        var clientId = arguments.Option("client-id") ?? throw new CliUsageException("api-clients add needs --client-id ID.");
        var secret = arguments.Option("client-secret") ?? throw new CliUsageException("api-clients add needs --client-secret SECRET.");
        var scopes = arguments.Option("scopes") ?? throw new CliUsageException("api-clients add needs --scopes \"content.read ...\".");
        var tenant = Site(services, arguments);

        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var client = await scope.ServiceProvider.GetRequiredService<ApiClientAdministration>()
            .CreateAsync(clientId, secret, ApiClientAdministration.ParseScopes(scopes), arguments.Option("display-name"));
        await output.WriteLineAsync($"Added API client '{client.ClientId}' of '{tenant.Name}' with scopes: {string.Join(' ', client.Scopes)}.");
        await output.WriteLineAsync($"Token endpoint: {TokenPath(tenant)}");
        return 0;
    }

    public static async Task<int> ListAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        var tenant = Site(services, arguments);
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var (clients, _) = await scope.ServiceProvider.GetRequiredService<ApiClientAdministration>().ListAsync();
        foreach (var client in clients)
        {
            var lastCall = client.LastCalledUtc is { } last ? VietnamTime.Format(last) : "never";
            await output.WriteLineAsync($"{client.ClientId,-30} {string.Join(' ', client.Scopes),-50} last call: {lastCall}");
        }

        if (clients.Count == 0)
        {
            await output.WriteLineAsync($"No API client on '{tenant.Name}'.");
        }

        return 0;
    }

    public static async Task<int> RemoveAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        var clientId = arguments.Positional[2];
        var tenant = Site(services, arguments);
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        if (!await scope.ServiceProvider.GetRequiredService<ApiClientAdministration>().RemoveAsync(clientId))
        {
            throw new ApiClientException("ClientId", $"there is no API client '{clientId}' on '{tenant.Name}'.");
        }

        await output.WriteLineAsync($"Removed API client '{clientId}' of '{tenant.Name}'; its tokens no longer work.");
        return 0;
    }

    private static Tenant Site(IServiceProvider services, CliArguments arguments)
    {
        var name = arguments.Option("tenant") ?? Tenant.DefaultName;
        return services.GetRequiredService<TenantCatalog>().FindByName(name)
            ?? throw new ApiClientException("Tenant", $"there is no tenant named '{name}'.");
    }

    private static string TokenPath(Tenant tenant) => tenant.Prefix.Length > 0 ? $"/{tenant.Prefix}/connect/token" : "/connect/token";
}
