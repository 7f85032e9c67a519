using System.Security.Claims;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Core.Navigation;

/// <summary>Builds the public and admin menus of the current tenant from its enabled features.</summary>
public sealed class MenuBuilder(ModuleCatalog catalog, TenantContext tenant, IPermissionService permissions, IEnumerable<IAdminMenuCount> counts)
{
    private readonly List<MenuEntry> _main = [.. catalog.Startups.SelectMany(s => s.MainMenu.Select(e => e with { FeatureId = s.FeatureId }))];
    private readonly List<MenuEntry> _admin = [.. catalog.Startups.SelectMany(s => s.AdminMenu.Select(e => e with { FeatureId = s.FeatureId }))];

    /// <summary>The site's own menu when its recipe set one, else the entries of its enabled modules.</summary>
    public IReadOnlyList<MenuEntry> MainMenu()
    {
        var configured = SiteMenus.Of(tenant.Tenant);
        return configured is not null
            ? [.. configured.Where(e => e.FeatureId.Length == 0 || tenant.Tenant.HasFeature(e.FeatureId))]
            : [.. _main.Where(e => tenant.Tenant.HasFeature(e.FeatureId)).OrderBy(e => e.Order)];
    }

    public async Task<IReadOnlyList<MenuEntry>> AdminMenuAsync(ClaimsPrincipal user)
    {
        var result = new List<MenuEntry>();
        foreach (var entry in _admin.Where(e => tenant.Tenant.HasFeature(e.FeatureId) && (!e.DefaultSiteOnly || tenant.Tenant.IsDefault)).OrderBy(e => e.Order))
        {
            if (entry.Permission is null || await permissions.HasPermissionAsync(user, entry.Permission))
            {
                var count = counts.FirstOrDefault(c => string.Equals(c.Path, entry.Path, StringComparison.Ordinal));
                result.Add(count is null ? entry : entry with { Count = await count.CountAsync(default) });
            }
        }

        return result;
    }
}
