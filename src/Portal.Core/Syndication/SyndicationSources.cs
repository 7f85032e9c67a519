namespace Portal.Core.Syndication;

/// <summary>One public address of the site for the XML sitemap and the site map page.</summary>
/// <param name="Path">Relative to the site: <c>/tin-tuc/chinh-tri/hoi-nghi</c>.</param>
/// <param name="Section">Heading it is listed under on the site map page (<c>Tin tức</c>).</param>
public sealed record SitemapEntry(string Path, string Title, string Section, DateTime? LastModifiedUtc, bool OnSiteMapPage = true);

/// <summary>
/// A module's public addresses. Modules implement it; the Syndication module reads every source
/// whose feature the site has, without touching the modules' tables.
/// </summary>
public interface ISitemapSource
{
    string FeatureId { get; }

    /// <param name="forSiteMapPage">True for the people's site map page, which lists sections, not every article.</param>
    Task<IReadOnlyList<SitemapEntry>> EntriesAsync(bool forSiteMapPage, CancellationToken cancellationToken);
}

public sealed record FeedItem(string Title, string Path, string Summary, DateTime PublishedUtc, string Category);

/// <summary>The newest published items for RSS, optionally of one category; null for an unknown category.</summary>
public interface IFeedSource
{
    string FeatureId { get; }

    /// <summary>The category's display name, or null when there is no such category.</summary>
    Task<string?> CategoryNameAsync(string category, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedItem>> LatestAsync(string? category, int count, CancellationToken cancellationToken);
}
