namespace Portal.News.Models;

/// <summary>
/// The public address of an article, built here only (docs/contracts.md): <c>~/tin-tuc/{category}/{slug}</c>.
/// Categories and slugs are slugs (lower-case letters, digits and hyphens), so nothing needs escaping.
/// </summary>
public static class NewsAddresses
{
    /// <summary>The article's app-relative address (<c>~/tin-tuc/thong-bao/lich-cat-dien</c>), for <c>Url.Content</c>.</summary>
    public static string Article(string category, string slug) => $"~/tin-tuc/{category}/{slug}";

    /// <summary>The same address relative to the site (<c>/tin-tuc/thong-bao/lich-cat-dien</c>), as sitemaps and feeds take it.</summary>
    public static string ArticlePath(string category, string slug) => Article(category, slug)[1..];

    /// <summary>The absolute address on a site whose base address is <paramref name="siteBase"/> (<c>SiteUrls.Base</c>): canonical links, links to another site's article.</summary>
    public static string ArticleUrl(string siteBase, string category, string slug) => siteBase.TrimEnd('/') + ArticlePath(category, slug);

    /// <summary>The page of the latest news of the sites below (the province's "Tin từ các đơn vị").</summary>
    public const string FromSitesBelow = "~/tin-cac-don-vi";
}
