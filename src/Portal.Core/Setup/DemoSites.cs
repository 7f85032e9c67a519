using Portal.Core.Calendar;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;

namespace Portal.Core.Setup;

/// <summary>
/// The demo province's sites below it, made when the auto-setup runs with demo content: today one
/// department (Sở Xây dựng, <c>so-xay-dung</c>), which answers two of the province's demo questions
/// on its own site. The order is what the demo data needs: the sites below and their own demo
/// first, then the province's demo, whose questions name the department's site; the calendar is
/// loaded before either, so the demo's deadlines count the seeded holidays.
/// </summary>
internal static class DemoSites
{
    internal sealed record DemoSite(string Name, string DisplayName, TenantLevel Level, string Recipe, string DemoRecipe);

    public static readonly IReadOnlyList<DemoSite> All =
    [
        new("so-xay-dung", "Sở Xây dựng", TenantLevel.Department, "department", "demo-so-xay-dung"),
    ];

    public static async Task SetUpAsync(TenantManager tenants, TenantCatalog catalog, RecipeCatalog recipes, WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        await calendar.ReloadAsync(cancellationToken);
        foreach (var site in All)
        {
            if (catalog.FindByName(site.Name) is null)
            {
                await tenants.ProvisionAsync(
                    new TenantRequest { Name = site.Name, DisplayName = site.DisplayName, Level = site.Level.ToString(), Parent = Tenant.DefaultName, Recipe = site.Recipe, Prefix = site.Name },
                    demo: false,
                    cancellationToken);
            }

            await tenants.RunRecipeAsync(site.Name, recipes.Find(site.DemoRecipe), cancellationToken);
        }

        await tenants.RunRecipeAsync(Tenant.DefaultName, recipes.Find(TenantManager.DemoRecipe), cancellationToken);
    }
}
