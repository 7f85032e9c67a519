using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Syndication;
using Portal.Pages.Models;

namespace Portal.Pages.Services;

internal sealed class PageSitemapSource(PortalDbContext db) : ISitemapSource
{
    public string FeatureId => "Portal.Pages";

    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(bool forSiteMapPage, CancellationToken cancellationToken) =>
        await db.Set<Page>().AsNoTracking().Where(p => p.Published).OrderBy(p => p.Title)
            .Select(p => new SitemapEntry("/trang/" + p.Slug, p.Title, "Thông tin chung", p.UpdatedUtc, true))
            .ToListAsync(cancellationToken);
}
