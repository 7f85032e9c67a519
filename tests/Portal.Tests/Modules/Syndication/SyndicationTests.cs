using System.Net;
using System.Xml.Linq;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Syndication;

/// <summary>RSS, the XML sitemap, robots.txt and the site map page, as readers and search engines fetch them.</summary>
public sealed class SyndicationTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Factory => fixture.Factory;

    private async Task PublishAsync(string prefix, string title, string category)
    {
        var admin = await AdminClient.SignedInAsync(Factory);
        var created = await admin.PostFormAsync($"/{prefix}/admin/news/create", $"/{prefix}/admin/news/create", new() { ["Title"] = title, ["Category"] = category, ["Summary"] = "Tóm tắt " + title });
        var edit = created.Headers.Location!.ToString();
        await admin.PostFormAsync(edit, $"{edit}/force-publish", new() { ["reason"] = "Kiểm thử liên thông" });
    }

    [Fact]
    public async Task Rss_lists_the_newest_articles_of_the_site_and_of_a_category()
    {
        await Factory.ProvisionAsync("xa-rss");
        await PublishAsync("xa-rss", "Thông báo nghỉ Tết", "thong-bao");
        await PublishAsync("xa-rss", "Hội nghị giao ban", "tin-hoat-dong");
        var client = Factory.CreateClient();

        var all = await client.GetAsync("/xa-rss/rss");
        var feed = XDocument.Parse(await all.Content.ReadAsStringAsync());
        var category = XDocument.Parse(await client.GetStringAsync("/xa-rss/rss/thong-bao"));
        var unknown = await client.GetAsync("/xa-rss/rss/khong-co");

        Assert.Equal("application/rss+xml", all.Content.Headers.ContentType!.MediaType);
        Assert.Equal("2.0", feed.Root!.Attribute("version")!.Value);
        Assert.Equal(2, feed.Descendants("item").Count());
        Assert.Contains(feed.Descendants("link"), l => l.Value == "http://localhost/xa-rss/tin-tuc/thong-bao/thong-bao-nghi-tet");
        Assert.Single(category.Descendants("item"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Sitemap_robots_and_the_site_map_page_list_the_sites_addresses()
    {
        await Factory.ProvisionAsync("xa-so-do");
        await PublishAsync("xa-so-do", "Lịch tiêm chủng tháng 12", "thong-bao");
        var client = Factory.CreateClient();

        var sitemap = XDocument.Parse(await client.GetStringAsync("/xa-so-do/sitemap.xml"));
        var robots = await client.GetStringAsync("/xa-so-do/robots.txt");
        var page = await client.GetStringAsync("/xa-so-do/so-do-cong");
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Descendants(ns + "loc").Select(l => l.Value).ToList();

        Assert.Contains("http://localhost/xa-so-do/trang/gioi-thieu", locations);
        Assert.Contains("http://localhost/xa-so-do/tin-tuc/thong-bao/lich-tiem-chung-thang-12", locations);
        Assert.DoesNotContain(locations, l => l.Contains("/admin", StringComparison.Ordinal));
        Assert.Contains("Disallow: /admin/", robots);
        Assert.Contains("Sitemap: http://localhost/xa-so-do/sitemap.xml", robots);
        Assert.Contains("Sơ đồ cổng", page);
        Assert.Contains("href=\"/xa-so-do/trang/lien-he\"", page);
        Assert.Contains("href=\"/xa-so-do/tin-tuc/thong-bao\"", page);
    }
}
