using Microsoft.EntityFrameworkCore;
using Portal.Core.Syndication;

namespace Portal.Procedures.Services;

/// <summary>The procedures list on the site map page; every visible procedure (own and shared) in the XML sitemap.</summary>
internal sealed class ProcedureSitemap(ProvinceProcedureSource source) : ISitemapSource
{
    private const int SitemapProcedures = 20_000;

    public string FeatureId => ProcedureJson.FeatureId;

    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(bool forSiteMapPage, CancellationToken cancellationToken)
    {
        var procedures = forSiteMapPage ? [] : await source.Visible().OrderBy(p => p.Code).Take(SitemapProcedures)
            .Select(p => new { p.Slug, p.Name, p.PublishedUtc }).ToListAsync(cancellationToken);
        return
        [
            new SitemapEntry("/thu-tuc-hanh-chinh", "Thủ tục hành chính", "Thủ tục hành chính", null),
            .. procedures.Select(p => new SitemapEntry("/thu-tuc-hanh-chinh/" + p.Slug, p.Name, "Thủ tục hành chính", p.PublishedUtc, OnSiteMapPage: false)),
        ];
    }
}
