namespace Portal.Core.Navigation;

/// <summary>
/// A menu link a module contributes. <paramref name="Path"/> is relative to the tenant
/// (<c>~/trang/gioi-thieu</c>) so that it works under a prefix or a host alike.
/// </summary>
public sealed record MenuEntry(string Text, string Path, int Order, string? Permission = null)
{
    /// <summary>Set by the menu builder: the feature that contributed the entry.</summary>
    public string FeatureId { get; init; } = "";
}
