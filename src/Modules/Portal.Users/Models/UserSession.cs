namespace Portal.Users.Models;

/// <summary>
/// One sign-in: the cookie carries its id, and the cookie is accepted only while the row is not
/// revoked and the user's security stamp is the one it was issued under. Users belong to the
/// installation, so their sessions do too (no TenantId).
/// </summary>
public sealed class UserSession
{
    /// <summary>Random, 32 hex characters; the cookie's <c>portal:sid</c> claim.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The user's security stamp when the session began; a password change, role change, lock or "sign out everywhere" changes the user's.</summary>
    public string SecurityStamp { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime LastSeenUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }
}
