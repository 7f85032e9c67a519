namespace Portal.Core.Navigation;

/// <summary>
/// A menu link a module contributes. <paramref name="Path"/> is relative to the tenant
/// (<c>~/trang/gioi-thieu</c>) so that it works under a prefix or a host alike.
/// </summary>
public sealed record MenuEntry(string Text, string Path, int Order, string? Permission = null)
{
    /// <summary>Set by the menu builder: the feature that contributed the entry.</summary>
    public string FeatureId { get; init; } = "";

    /// <summary>
    /// Shown on the default site (the province) only: for pages of the whole installation, which
    /// answer 404 elsewhere even where their feature is enabled (the <c>province</c> recipe also
    /// sets up other province-level sites).
    /// </summary>
    public bool DefaultSiteOnly { get; init; }

    /// <summary>Set by the menu builder from the entry's <see cref="IAdminMenuCount"/>: what waits behind the entry (null: no count).</summary>
    public int? Count { get; init; }
}
