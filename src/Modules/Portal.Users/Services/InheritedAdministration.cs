using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Users.Models;

namespace Portal.Users.Services;

/// <summary>
/// Is the user an administrator of one of this site's ancestors? The province's administrators
/// administer every department and commune under it without being granted a role on each.
/// </summary>
[CrossTenant("Reads the Administrator grants of the current site's ancestors only, named by the tenant tree.")]
internal sealed class InheritedAdministration(PortalDbContext db, TenantCatalog catalog)
{
    public async Task<bool> IsAncestorAdministratorAsync(string userId, Tenant tenant, CancellationToken cancellationToken)
    {
        var ancestorIds = catalog.Ancestors(tenant).Select(t => t.Id).ToList();
        if (ancestorIds.Count == 0)
        {
            return false;
        }

        return await db.Set<UserTenantRole>()
            .IgnoreQueryFilters([PortalDbContext.TenantFilter])
            .AnyAsync(g => ancestorIds.Contains(g.TenantId) && g.UserId == userId && g.RoleName == RoleNames.Administrator, cancellationToken);
    }
}
