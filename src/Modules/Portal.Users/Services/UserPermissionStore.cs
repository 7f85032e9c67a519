using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Users.Models;

namespace Portal.Users.Services;

/// <summary>The permissions a user holds on the current site: its roles there, or inherited administration.</summary>
internal sealed class UserPermissionStore(PortalDbContext db, InheritedAdministration inherited) : IPermissionGrantStore
{
    private static readonly IReadOnlySet<string> Everything = new HashSet<string> { CorePermissions.All };

    public async Task<IReadOnlySet<string>> GetGrantedPermissionsAsync(string userId, Tenant tenant, CancellationToken cancellationToken = default)
    {
        if (db.CurrentTenantId != tenant.Id)
        {
            throw new InvalidOperationException("Permissions are read for the tenant of the current unit of work only.");
        }

        var roles = await db.Set<UserTenantRole>().Where(g => g.UserId == userId).Select(g => g.RoleName).ToListAsync(cancellationToken);
        if (roles.Contains(RoleNames.Administrator) || await inherited.IsAncestorAdministratorAsync(userId, tenant, cancellationToken))
        {
            return Everything;
        }

        var permissions = await db.Set<TenantRole>().Where(r => roles.Contains(r.Name)).Select(r => r.Permissions).ToListAsync(cancellationToken);
        return permissions.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
    }
}
