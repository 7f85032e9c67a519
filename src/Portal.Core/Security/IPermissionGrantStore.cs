using Portal.Core.Tenancy;

namespace Portal.Core.Security;

/// <summary>
/// Where grants live (the Users module). Returns the permission names a user holds in a tenant,
/// <see cref="CorePermissions.All"/> meaning every permission.
/// </summary>
public interface IPermissionGrantStore
{
    Task<IReadOnlySet<string>> GetGrantedPermissionsAsync(string userId, Tenant tenant, CancellationToken cancellationToken = default);
}
