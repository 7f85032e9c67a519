namespace Portal.Core.Navigation;

/// <summary>
/// A block a module adds to the site's home page: a view component rendered in order, only where
/// the module's feature is enabled (the news desk's latest articles, for instance).
/// </summary>
public sealed record HomeBlock(string ViewComponent, int Order, string FeatureId);
