using Portal.Core.Persistence;

namespace Portal.Users.Models;

/// <summary>"This user holds this role on this site."</summary>
internal sealed class UserTenantRole : ITenantOwned
{
    public int TenantId { get; set; }

    public string UserId { get; set; } = "";

    public string RoleName { get; set; } = "";
}
