namespace Portal.Core.Security;

/// <summary>A named right, granted to roles per tenant. Modules declare theirs in their startup.</summary>
/// <param name="DefaultRoles">Roles that receive the permission when a site is set up.</param>
public sealed record Permission(string Name, string Description, params string[] DefaultRoles);

public static class CorePermissions
{
    /// <summary>Held by every role of a tenant; opens the admin area.</summary>
    public static readonly Permission AccessAdmin = new("AccessAdmin", "Vào trang quản trị", "Approver", "Editor", "Reporter", "Responder");

    /// <summary>Granted implicitly to the Administrator role: everything in the tenant.</summary>
    public const string All = "*";
}
