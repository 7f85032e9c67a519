using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Syndication;
using Portal.Dialogues.Models;

namespace Portal.Dialogues.Services;

/// <summary>/doi-thoai on the site map page; every published dialogue in the XML sitemap.</summary>
internal sealed class DialogueSitemap(PortalDbContext db) : ISitemapSource
{
    private const int SitemapDialogues = 5_000;

    private const string Section = "Đối thoại trực tuyến";

    public string FeatureId => DialogueContent.FeatureId;

    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(bool forSiteMapPage, CancellationToken cancellationToken)
    {
        var dialogues = forSiteMapPage ? [] : await db.Set<PublishedDialogue>().AsNoTracking().OrderByDescending(p => p.StartUtc).Take(SitemapDialogues)
            .Select(p => new { p.Slug, p.Title, p.UpdatedUtc }).ToListAsync(cancellationToken);
        return
        [
            new SitemapEntry(DialogueAddresses.List[1..], "Đối thoại trực tuyến", Section, null),
            .. dialogues.Select(p => new SitemapEntry(DialogueAddresses.Dialogue(p.Slug)[1..], p.Title, Section, p.UpdatedUtc, OnSiteMapPage: false)),
        ];
    }
}
