using Portal.Core.Recipes;
using Portal.Core.Tenancy;

namespace Portal.Web.Cli;

/// <summary>
/// <c>recipes run NAME|PATH --tenant T</c> or <c>--tenants level=Commune[,parent=NAME]</c>: applies a
/// recipe to one or many sites, each in its own transaction, so one site's failure neither stops
/// nor corrupts the others; the summary lists every failure.
/// </summary>
internal static class RecipeCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        var recipes = services.GetRequiredService<RecipeCatalog>();
        var recipe = recipes.Find(arguments.Positional[2]);
        var tenants = Targets(services.GetRequiredService<TenantCatalog>(), arguments);
        var manager = services.GetRequiredService<TenantManager>();
        var progress = new Progress(output, tenants.Count, "sites:");
        var failures = new List<string>();
        for (var i = 0; i < tenants.Count; i++)
        {
            try
            {
                await manager.RunRecipeAsync(tenants[i].Name, recipe);
            }
            catch (Exception ex) when (ex is RecipeException or TenantValidationException or InvalidOperationException)
            {
                failures.Add($"{tenants[i].Name}: {ex.Message}");
            }

            await progress.ReportAsync(i + 1, $"{i + 1 - failures.Count} applied, {failures.Count} failed");
        }

        foreach (var failure in failures)
        {
            await output.WriteLineAsync("failed " + failure);
        }

        await output.WriteLineAsync($"Recipe '{recipe.Name}': {tenants.Count - failures.Count} site(s) updated, {failures.Count} failed.");
        return failures.Count == 0 ? 0 : 1;
    }

    private static List<Tenant> Targets(TenantCatalog catalog, CliArguments arguments)
    {
        if (arguments.Option("tenant") is { } name)
        {
            return [catalog.FindByName(name) ?? throw new CliUsageException($"there is no tenant named '{name}'.")];
        }

        if (arguments.Option("tenants") is not { } filter)
        {
            throw new CliUsageException("recipes run needs --tenant NAME or --tenants level=Commune[,parent=NAME] (or --tenants all).");
        }

        IEnumerable<Tenant> tenants = catalog.All.Where(t => t.State != TenantState.Uninitialized);
        if (filter == "all")
        {
            return [.. tenants];
        }

        foreach (var part in filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = part.Split('=', 2) is [var k, var v] ? (k.Trim().ToLowerInvariant(), v.Trim()) : throw new CliUsageException($"'{part}' is not key=value (e.g. level=Commune).");
            tenants = key switch
            {
                "level" when Enum.TryParse<TenantLevel>(value, ignoreCase: true, out var level) => tenants.Where(t => t.Level == level),
                "level" => throw new CliUsageException($"unknown level '{value}'. Use one of: {string.Join(", ", Enum.GetNames<TenantLevel>())}."),
                "parent" => tenants.Where(t => t.ParentId == (catalog.FindByName(value) ?? throw new CliUsageException($"there is no tenant named '{value}'.")).Id),
                "state" when Enum.TryParse<TenantState>(value, ignoreCase: true, out var state) => tenants.Where(t => t.State == state),
                _ => throw new CliUsageException($"unknown filter '{key}' (use level, parent or state)."),
            };
        }

        return [.. tenants];
    }
}
