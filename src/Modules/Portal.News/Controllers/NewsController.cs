using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Portal.News.Models;
using Portal.Core.Caching;
using Portal.Core.Navigation;
using Portal.Core.Tenancy;
using Portal.News.Services;
using Portal.News.ViewModels;

namespace Portal.News.Controllers;

/// <summary>The public news pages: /tin-tuc, /tin-tuc/{category}, /tin-tuc/{category}/{slug}.</summary>
[Area("News")]
public sealed class NewsController(NewsQueries news, ViewCounter views, TenantContext site, CommentStore comments) : Controller
{
    private const int PageSize = 15;

    public const string CommentRateLimit = "news-comments";

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
        var page = await news.ArticlePageAsync(slug, HttpContext.RequestAborted);
        if (page is null)
        {
            return NotFound();
        }

        var article = page.Article;
        if (!string.Equals(article.Category, category, StringComparison.Ordinal))
        {
            // One address per article: an old or mistyped category redirects to the right one.
            return RedirectPermanent(Url.Content(NewsAddresses.Article(article.Category, article.Slug)));
        }

        views.Count(site.TenantId, article.ContentItemId);
        return View(await BuildArticleAsync(page, new CommentFormModel()));
    }

    /// <summary>A reader's comment: kept for moderation, never shown before an editor approves it.</summary>
    [HttpPost("tin-tuc/{category}/{slug}/binh-luan")]
    [EnableRateLimiting(CommentRateLimit)]
    public async Task<IActionResult> Comment(string category, string slug, [Bind(Prefix = "Form")] CommentFormModel form)
    {
        var page = await news.ArticlePageAsync(slug, HttpContext.RequestAborted);
        if (page is null || page.Article.Category != category)
        {
            return NotFound();
        }

        var article = page.Article;
        if (!string.IsNullOrEmpty(form.Website))
        {
            // The trap field was filled: a bot. Answer as if it worked, store nothing.
            TempData["CommentSent"] = true;
            return Redirect(Url.Content(NewsAddresses.Article(category, slug) + "#binh-luan"));
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(Article), await BuildArticleAsync(page, form));
        }

        await comments.AddAsync(new ArticleComment
        {
            ContentItemId = article.ContentItemId,
            Title = form.Title.Trim(),
            SenderName = form.SenderName.Trim(),
            Email = form.Email.Trim(),
            Content = form.Content.Trim(),
            RemoteAddress = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "",
        }, HttpContext.RequestAborted);
        TempData["CommentSent"] = true;
        return Redirect(Url.Content(NewsAddresses.Article(category, slug) + "#binh-luan"));
    }

    private async Task<ArticleViewModel> BuildArticleAsync(ArticlePage page, CommentFormModel form)
    {
        var article = page.Article;
        var fields = NewsFields.Read(page.Data);
        return new ArticleViewModel
        {
            Article = article,
            Fields = fields,
            Category = page.Category,
            Related = await news.RelatedAsync(article, 5, HttpContext.RequestAborted),
            Views = article.ViewCount + views.Pending(site.TenantId, article.ContentItemId),
            // A copy offered by a site below points search engines at the original.
            CanonicalUrl = OfferedSource(fields) ?? NewsAddresses.ArticleUrl(Portal.Core.Hosting.SiteUrls.Base(HttpContext), article.Category, article.Slug),
            Comments = await comments.ApprovedAsync(article.ContentItemId, HttpContext.RequestAborted),
            Form = form,
        };
    }

    /// <summary>The original's address of an offered copy, when it is an absolute http(s) one.</summary>
    private static string? OfferedSource(NewsArticleFields fields) =>
        fields.SourceUrl is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? url : null;

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
