using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Syndication;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>/hoi-dap on the site map page; every published answer in the XML sitemap.</summary>
internal sealed class QuestionSitemap(PortalDbContext db) : ISitemapSource
{
    private const int SitemapAnswers = 20_000;

    private const string Section = "Hỏi đáp";

    public string FeatureId => QuestionContent.FeatureId;

    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(bool forSiteMapPage, CancellationToken cancellationToken)
    {
        var answers = forSiteMapPage ? [] : await db.Set<PublishedQuestion>().AsNoTracking().OrderByDescending(p => p.PublishedUtc).Take(SitemapAnswers)
            .Select(p => new { p.Slug, p.Title, p.PublishedUtc }).ToListAsync(cancellationToken);
        return
        [
            new SitemapEntry("/hoi-dap", "Hỏi đáp", Section, null),
            new SitemapEntry("/hoi-dap/gui-cau-hoi", "Gửi câu hỏi", Section, null),
            new SitemapEntry("/hoi-dap/tra-cuu", "Tra cứu câu hỏi", Section, null),
            .. answers.Select(p => new SitemapEntry(QuestionAddresses.Answer(p.Slug)[1..], p.Title, Section, p.PublishedUtc, OnSiteMapPage: false)),
        ];
    }
}
