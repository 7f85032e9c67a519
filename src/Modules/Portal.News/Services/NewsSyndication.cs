using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Syndication;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>News for the sitemap (categories on the site map page, articles in the XML only) and for RSS.</summary>
internal sealed class NewsSyndication(PortalDbContext db, NewsQueries news) : ISitemapSource, IFeedSource
{
    // Search engines take 50,000 addresses per sitemap file; a portal's newest articles fit well below.
    private const int SitemapArticles = 20_000;

    public string FeatureId => "Portal.News";

    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(bool forSiteMapPage, CancellationToken cancellationToken)
    {
        var categories = await news.CategoriesAsync(cancellationToken);
        var articles = forSiteMapPage ? [] : await db.Set<PublishedArticle>().AsNoTracking().Where(a => a.Culture == "vi").OrderByDescending(a => a.PublishedUtc).Take(SitemapArticles)
            .Select(a => new { a.Category, a.Slug, a.Title, a.PublishedUtc }).ToListAsync(cancellationToken);
        return
        [
            new SitemapEntry("/tin-tuc", "Tin tức", "Tin tức", articles.Count > 0 ? articles[0].PublishedUtc : null),
            .. categories.Select(c => new SitemapEntry("/tin-tuc/" + c.Slug, c.Name, "Tin tức", null)),
            .. articles.Select(a => new SitemapEntry(NewsAddresses.ArticlePath(a.Category, a.Slug), a.Title, "Tin tức", a.PublishedUtc, OnSiteMapPage: false)),
        ];
    }

    public async Task<string?> CategoryNameAsync(string category, CancellationToken cancellationToken) =>
        (await news.CategoryAsync(category, cancellationToken))?.Name;

    public async Task<IReadOnlyList<FeedItem>> LatestAsync(string? category, int count, CancellationToken cancellationToken)
    {
        var (items, _) = await news.LatestAsync(category, 1, count, cancellationToken);
        return [.. items.Select(a => new FeedItem(a.Title, NewsAddresses.ArticlePath(a.Category, a.Slug), a.Summary, a.PublishedUtc, a.Category))];
    }
}
