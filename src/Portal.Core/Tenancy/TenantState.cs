namespace Portal.Core.Tenancy;

public enum TenantState
{
    /// <summary>Row exists but its setup has not completed; the site answers 503.</summary>
    Uninitialized = 0,
    Running = 1,
    /// <summary>Kept with its data; public pages answer 404 and the admin 503.</summary>
    Disabled = 2,
}
