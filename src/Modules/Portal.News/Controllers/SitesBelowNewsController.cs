using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Caching;
using Portal.Core.Hosting;
using Portal.Core.Navigation;
using Portal.News.Models;
using Portal.News.Services;
using Portal.News.ViewModels;

namespace Portal.News.Controllers;

/// <summary>
/// /tin-cac-don-vi: the latest news of every site below this one, each labelled with its site and
/// linked to the article there. A site with no sites below has no such page (404, as for any
/// address the site does not have); one whose sites have not published yet says so.
/// </summary>
[Area("News")]
public sealed class SitesBelowNewsController(DescendantNews below) : Controller
{
    private const int PageSize = 15;

    /// <summary>The query key of the site filter (<c>?don-vi=xa-hong-ha</c>).</summary>
    public const string SiteKey = "don-vi";

    [HttpGet("tin-cac-don-vi")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public async Task<IActionResult> Index([FromQuery(Name = SiteKey)] string? site, int page = 1)
    {
        if (!below.HasSitesBelow())
        {
            return NotFound();
        }

        page = Paging.Clamp(page);
        var sites = below.Sites();
        var selected = string.IsNullOrEmpty(site) ? null : sites.FirstOrDefault(t => string.Equals(t.Name, site, StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrEmpty(site) && selected is null)
        {
            // Not a site below this one (a sibling, the parent, a typo): nothing to show under that name.
            return NotFound();
        }

        var (items, total) = await below.LatestAsync(selected, page, PageSize, HttpContext.RequestAborted);
        return View(new SitesBelowNewsViewModel
        {
            Items = Links(HttpContext, items),
            Sites = sites,
            Selected = selected,
            Page = page,
            PageCount = Math.Max(1, (total + PageSize - 1) / PageSize),
        });
    }

    /// <summary>Each article with its site's name and its absolute address on that site.</summary>
    internal static IReadOnlyList<SitesBelowArticle> Links(Microsoft.AspNetCore.Http.HttpContext context, IReadOnlyList<DescendantArticle> items)
    {
        var bases = new Dictionary<int, string>();
        return [.. items.Select(i => new SitesBelowArticle(
            i.Article,
            i.Site.DisplayName,
            NewsAddresses.ArticleUrl(bases.TryGetValue(i.Site.Id, out var b) ? b : bases[i.Site.Id] = SiteUrls.Base(context, i.Site), i.Article.Category, i.Article.Slug)))];
    }
}
