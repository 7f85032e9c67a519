using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Users.Models;

namespace Portal.Users.Services;

/// <summary>
/// Are all of a user's roles on this site or the sites below it? Locking a login or ending its
/// sessions acts on the whole installation, so a site's user manager may do it only to people
/// who hold nothing elsewhere (a commune cannot lock the province's administrator).
/// </summary>
[CrossTenant("Reads one user's grants on every site to compare them with the current site's subtree, named by the tenant tree.")]
public sealed class UserReach(PortalDbContext db, TenantCatalog catalog)
{
    public async Task<bool> IsWithinAsync(string userId, Tenant tenant, CancellationToken cancellationToken)
    {
        var siteIds = await db.Set<UserTenantRole>()
            .IgnoreQueryFilters([PortalDbContext.TenantFilter])
            .Where(g => g.UserId == userId)
            .Select(g => g.TenantId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return siteIds.All(id => id == tenant.Id || (catalog.FindById(id) is { } site && catalog.Ancestors(site).Any(a => a.Id == tenant.Id)));
    }
}
