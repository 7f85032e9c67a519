using Microsoft.EntityFrameworkCore;
using Portal.Core.Modules;
using Portal.Core.Persistence;
using Portal.Core.Security;
using Portal.Users.Models;

namespace Portal.Users.Services;

/// <summary>Roles and role grants of the current site.</summary>
public interface IRoleGrants
{
    /// <summary>Creates the standard roles with their default permissions where missing (idempotent).</summary>
    Task EnsureStandardRolesAsync(CancellationToken cancellationToken = default);

    Task GrantAsync(string userId, string roleName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> RolesOfAsync(string userId, CancellationToken cancellationToken = default);

    Task RevokeAsync(string userId, string roleName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> RoleNamesAsync(CancellationToken cancellationToken = default);

    /// <summary>The roles a person holding <paramref name="granted"/> may hand out: only roles whose permissions they hold themselves.</summary>
    Task<IReadOnlyList<string>> GrantableRolesAsync(IReadOnlySet<string> granted, CancellationToken cancellationToken = default);

    Task<int> HoldersAsync(string roleName, CancellationToken cancellationToken = default);

    /// <summary>The site's members (users holding a role here), searched by name or e-mail, one page at a time.</summary>
    Task<(IReadOnlyList<SiteMember> Members, int Total)> MembersAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default);
}

public sealed record SiteMember(string UserId, string UserName, string DisplayName, string? Email, bool LockedOut, IReadOnlyList<string> Roles);

internal sealed class RoleGrants(PortalDbContext db, ModuleCatalog modules, UserSessions sessions) : IRoleGrants
{
    public async Task EnsureStandardRolesAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.Set<TenantRole>().Select(r => r.Name).ToListAsync(cancellationToken);
        var permissions = modules.Startups.SelectMany(s => s.Permissions).Prepend(CorePermissions.AccessAdmin).ToList();
        foreach (var (name, description) in RoleNames.Standard.Where(r => !existing.Contains(r.Key)))
        {
            db.Add(new TenantRole
            {
                Name = name,
                Description = description,
                Permissions = name == RoleNames.Administrator
                    ? [CorePermissions.All]
                    : [.. permissions.Where(p => p.DefaultRoles.Contains(name)).Select(p => p.Name)],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task GrantAsync(string userId, string roleName, CancellationToken cancellationToken = default)
    {
        if (!await db.Set<TenantRole>().AnyAsync(r => r.Name == roleName, cancellationToken))
        {
            throw new InvalidOperationException($"This site has no role named '{roleName}'.");
        }

        if (!await db.Set<UserTenantRole>().AnyAsync(g => g.UserId == userId && g.RoleName == roleName, cancellationToken))
        {
            db.Add(new UserTenantRole { UserId = userId, RoleName = roleName });
            await db.SaveChangesAsync(cancellationToken);
            await sessions.CloseAllAsync(userId, cancellationToken);
        }
    }

    public async Task RevokeAsync(string userId, string roleName, CancellationToken cancellationToken = default)
    {
        var grant = await db.Set<UserTenantRole>().SingleOrDefaultAsync(g => g.UserId == userId && g.RoleName == roleName, cancellationToken);
        if (grant is not null)
        {
            db.Remove(grant);
            await db.SaveChangesAsync(cancellationToken);
            await sessions.CloseAllAsync(userId, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<string>> GrantableRolesAsync(IReadOnlySet<string> granted, CancellationToken cancellationToken = default)
    {
        var roles = await db.Set<TenantRole>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return granted.Contains(CorePermissions.All)
            ? [.. roles.Select(r => r.Name)]
            : [.. roles.Where(r => r.Name != RoleNames.Administrator && r.Permissions.All(granted.Contains)).Select(r => r.Name)];
    }

    public Task<int> HoldersAsync(string roleName, CancellationToken cancellationToken = default) =>
        db.Set<UserTenantRole>().CountAsync(g => g.RoleName == roleName, cancellationToken);

    public async Task<IReadOnlyList<string>> RoleNamesAsync(CancellationToken cancellationToken = default) =>
        await db.Set<TenantRole>().Select(r => r.Name).OrderBy(n => n).ToListAsync(cancellationToken);

    public async Task<(IReadOnlyList<SiteMember> Members, int Total)> MembersAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var memberIds = db.Set<UserTenantRole>().Select(g => g.UserId);
        var users = db.Set<PortalUser>().Where(u => memberIds.Contains(u.Id));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(term) || u.NormalizedEmail!.Contains(term) || u.DisplayName.Contains(search.Trim()));
        }

        var total = await users.CountAsync(cancellationToken);
        var pageUsers = await users.OrderBy(u => u.NormalizedUserName).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = pageUsers.Select(u => u.Id).ToList();
        var grants = await db.Set<UserTenantRole>().Where(g => ids.Contains(g.UserId)).ToListAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var members = pageUsers.Select(u => new SiteMember(
            u.Id, u.UserName ?? "", u.DisplayName, u.Email, u.LockoutEnd > now,
            [.. grants.Where(g => g.UserId == u.Id).Select(g => g.RoleName).Order(StringComparer.Ordinal)])).ToList();
        return (members, total);
    }

    public async Task<IReadOnlyList<string>> RolesOfAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Set<UserTenantRole>().Where(g => g.UserId == userId).Select(g => g.RoleName).OrderBy(n => n).ToListAsync(cancellationToken);
}
