using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Caching;
using Portal.Core.Navigation;
using Portal.Core.Tenancy;
using Portal.News.Services;
using Portal.News.ViewModels;

namespace Portal.News.Controllers;

/// <summary>The public news pages: /tin-tuc, /tin-tuc/{category}, /tin-tuc/{category}/{slug}.</summary>
[Area("News")]
public sealed class NewsController(NewsQueries news, ViewCounter views, TenantContext site) : Controller
{
    private const int PageSize = 15;

    [HttpGet("tin-tuc")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public Task<IActionResult> Index(int page = 1) => ListAsync(null, page);

    [HttpGet("tin-tuc/{category}")]
    [OutputCache(PolicyName = PublicPageCachePolicy.Name)]
    public Task<IActionResult> Category(string category, int page = 1) => ListAsync(category, page);

    // Not output-cached: every view is counted. Caching the article page would need the count
    // moved to a beacon request.
    [HttpGet("tin-tuc/{category}/{slug}")]
    public async Task<IActionResult> Article(string category, string slug)
    {
        var article = await news.ArticleAsync(slug, HttpContext.RequestAborted);
        if (article is null)
        {
            return NotFound();
        }

        if (!string.Equals(article.Category, category, StringComparison.Ordinal))
        {
            // One address per article: an old or mistyped category redirects to the right one.
            return RedirectPermanent(Url.Content($"~/tin-tuc/{article.Category}/{article.Slug}"));
        }

        var version = await news.PublishedVersionAsync(article.ContentItemId, HttpContext.RequestAborted);
        if (version is null)
        {
            return NotFound();
        }

        views.Count(site.TenantId, article.ContentItemId);
        return View(new ArticleViewModel
        {
            Article = article,
            Fields = NewsFields.Read(version.Data),
            Category = await news.CategoryAsync(article.Category, HttpContext.RequestAborted),
            Related = await news.RelatedAsync(article, 5, HttpContext.RequestAborted),
            Views = article.ViewCount + views.Pending(site.TenantId, article.ContentItemId),
            CanonicalUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/tin-tuc/{article.Category}/{article.Slug}",
        });
    }

    private async Task<IActionResult> ListAsync(string? categorySlug, int page)
    {
        page = Paging.Clamp(page);
        var category = categorySlug is null ? null : await news.CategoryAsync(categorySlug, HttpContext.RequestAborted);
        if (categorySlug is not null && category is null)
        {
            return NotFound();
        }

        var (items, total) = await news.LatestAsync(categorySlug, page, PageSize, HttpContext.RequestAborted);
        return View("Index", new NewsListViewModel
        {
            Items = items,
            Category = category,
            Categories = await news.CategoriesAsync(HttpContext.RequestAborted),
            Page = page,
            PageCount = Math.Max(1, (total + PageSize - 1) / PageSize),
        });
    }
}
