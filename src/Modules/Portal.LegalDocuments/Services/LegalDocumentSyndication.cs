using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Syndication;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>The list on the site map page; the list and every document in the XML sitemap.</summary>
internal sealed class LegalDocumentSyndication(PortalDbContext db) : ISitemapSource
{
    // One sitemap file takes 50,000 addresses; news takes up to 20,000 of them.
    private const int SitemapDocuments = 20_000;

    public string FeatureId => LegalDocumentData.FeatureId;

    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(bool forSiteMapPage, CancellationToken cancellationToken)
    {
        var documents = forSiteMapPage ? [] : await db.Set<PublishedLegalDocument>().AsNoTracking().Where(d => d.Culture == "vi")
            .OrderByDescending(d => d.PublishedUtc).Take(SitemapDocuments)
            .Select(d => new { d.Slug, d.Title, d.PublishedUtc }).ToListAsync(cancellationToken);
        return
        [
            new SitemapEntry("/van-ban", "Văn bản", "Văn bản", documents.Count > 0 ? documents[0].PublishedUtc : null),
            .. documents.Select(d => new SitemapEntry("/van-ban/" + d.Slug, d.Title, "Văn bản", d.PublishedUtc, OnSiteMapPage: false)),
        ];
    }
}
