using Microsoft.AspNetCore.Identity;

namespace Portal.Users.Models;

/// <summary>
/// A person with a login. Users belong to the installation, not to a site: the same login edits
/// for a commune and answers questions for a department, with roles granted per site.
/// </summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
