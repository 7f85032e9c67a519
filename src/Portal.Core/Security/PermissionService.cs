using System.Security.Claims;
using Portal.Core.Tenancy;

namespace Portal.Core.Security;

public interface IPermissionService
{
    Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission);
}

/// <summary>Answers permission checks for the current tenant, asking the grant store once per request.</summary>
internal sealed class PermissionService(TenantContext tenant, IPermissionGrantStore store) : IPermissionService
{
    private IReadOnlySet<string>? _granted;
    private string? _grantedFor;

    public async Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !tenant.IsResolved)
        {
            return false;
        }

        if (_granted is null || _grantedFor != userId)
        {
            _granted = await store.GetGrantedPermissionsAsync(userId, tenant.Tenant);
            _grantedFor = userId;
        }

        return _granted.Contains(CorePermissions.All) || _granted.Contains(permission);
    }
}
