using Portal.Core.Syndication;

namespace Portal.Pages.Services;

internal sealed class PageSitemapSource(PageStore pages) : ISitemapSource
{
    public string FeatureId => PageContent.FeatureId;

    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(bool forSiteMapPage, CancellationToken cancellationToken) =>
        [.. (await pages.PublishedListAsync(cancellationToken)).Select(p => new SitemapEntry("/trang/" + p.Slug, p.Title, "Thông tin chung", p.UpdatedUtc, true))];
}
