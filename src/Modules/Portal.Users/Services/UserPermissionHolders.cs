using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Security;
using Portal.Users.Models;

namespace Portal.Users.Services;

/// <summary>The current site's people holding a permission through its roles (the role's list, or the administrators' "*").</summary>
internal sealed class UserPermissionHolders(PortalDbContext db) : IPermissionHolders
{
    public async Task<IReadOnlyList<SitePerson>> HoldersAsync(string permission, CancellationToken cancellationToken = default)
    {
        // A site has a handful of roles: their permission lists are read whole and matched here.
        var roles = (await db.Set<TenantRole>().AsNoTracking().ToListAsync(cancellationToken))
            .Where(r => r.Name == RoleNames.Administrator || r.Permissions.Contains(permission) || r.Permissions.Contains(CorePermissions.All))
            .Select(r => r.Name)
            .Append(RoleNames.Administrator)
            .Distinct()
            .ToList();
        var userIds = await db.Set<UserTenantRole>().AsNoTracking()
            .Where(g => roles.Contains(g.RoleName)).Select(g => g.UserId).Distinct().ToListAsync(cancellationToken);
        return await db.Set<PortalUser>().AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .OrderBy(u => u.UserName)
            .Select(u => new SitePerson(u.Id, u.UserName ?? "", u.Email))
            .ToListAsync(cancellationToken);
    }
}
