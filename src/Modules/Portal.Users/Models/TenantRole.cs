using Portal.Core.Persistence;

namespace Portal.Users.Models;

/// <summary>A role of one site, with the permissions it grants there.</summary>
internal sealed class TenantRole : ITenantOwned
{
    public int TenantId { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public List<string> Permissions { get; set; } = [];
}
