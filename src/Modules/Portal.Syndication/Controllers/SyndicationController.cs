using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Caching;
using Portal.Core.Syndication;
using Portal.Core.Tenancy;

namespace Portal.Syndication.Controllers;

/// <summary>What other systems and search engines read: RSS, the XML sitemap, robots.txt; and the site map page for people.</summary>
[Area("Syndication")]
public sealed class SyndicationController(IEnumerable<ISitemapSource> sitemaps, IEnumerable<IFeedSource> feeds, TenantContext site) : Controller
{
    private const int FeedSize = 30;

    private string SiteUrl => Portal.Core.Hosting.SiteUrls.Base(HttpContext);

    [HttpGet("rss")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public Task<IActionResult> Rss() => FeedAsync(null);

    [HttpGet("rss/{category}")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public Task<IActionResult> CategoryRss(string category) => FeedAsync(category);

    [HttpGet("sitemap.xml")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public async Task<IActionResult> Sitemap()
    {
        var entries = await EntriesAsync(forSiteMapPage: false);
        var xml = Write(writer =>
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            WriteUrl(writer, SiteUrl + "/", null);
            foreach (var entry in entries)
            {
                WriteUrl(writer, SiteUrl + entry.Path, entry.LastModifiedUtc);
            }

            writer.WriteEndElement();
        });
        return Content(xml, "application/xml; charset=utf-8");
    }

    [HttpGet("robots.txt")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public IActionResult Robots() =>
        Content($"User-agent: *\nDisallow: /admin/\nDisallow: /api/\n\nSitemap: {SiteUrl}/sitemap.xml\n", "text/plain; charset=utf-8");

    [HttpGet("so-do-cong")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public async Task<IActionResult> SiteMapPage()
    {
        var sections = (await EntriesAsync(forSiteMapPage: true)).Where(e => e.OnSiteMapPage).GroupBy(e => e.Section).ToList();
        return View(sections);
    }

    private async Task<IActionResult> FeedAsync(string? category)
    {
        var source = feeds.FirstOrDefault(f => site.Tenant.HasFeature(f.FeatureId));
        if (source is null)
        {
            return NotFound();
        }

        string? categoryName = null;
        if (category is not null && (categoryName = await source.CategoryNameAsync(category, HttpContext.RequestAborted)) is null)
        {
            return NotFound();
        }

        var items = await source.LatestAsync(category, FeedSize, HttpContext.RequestAborted);
        var title = categoryName is null ? site.Tenant.DisplayName : $"{categoryName} - {site.Tenant.DisplayName}";
        var xml = Write(writer =>
        {
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", title);
            writer.WriteElementString("link", SiteUrl + "/");
            writer.WriteElementString("description", $"Tin tức của {site.Tenant.DisplayName}");
            writer.WriteElementString("language", site.Tenant.DefaultCulture);
            foreach (var item in items)
            {
                writer.WriteStartElement("item");
                writer.WriteElementString("title", item.Title);
                writer.WriteElementString("link", SiteUrl + item.Path);
                writer.WriteElementString("guid", SiteUrl + item.Path);
                writer.WriteElementString("description", item.Summary);
                writer.WriteElementString("category", item.Category);
                writer.WriteElementString("pubDate", item.PublishedUtc.ToString("r", CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });
        return Content(xml, "application/rss+xml; charset=utf-8");
    }

    private async Task<List<SitemapEntry>> EntriesAsync(bool forSiteMapPage)
    {
        var entries = new List<SitemapEntry>();
        foreach (var source in sitemaps.Where(s => site.Tenant.HasFeature(s.FeatureId)))
        {
            entries.AddRange(await source.EntriesAsync(forSiteMapPage, HttpContext.RequestAborted));
        }

        return entries;
    }

    private static void WriteUrl(XmlWriter writer, string location, DateTime? lastModified)
    {
        writer.WriteStartElement("url");
        writer.WriteElementString("loc", location);
        if (lastModified is { } when)
        {
            writer.WriteElementString("lastmod", when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        writer.WriteEndElement();
    }

    private static string Write(Action<XmlWriter> body)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the response is UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
