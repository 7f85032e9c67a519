using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Text;
using Portal.News.Models;
using Portal.News.Services;
using Portal.News.ViewModels;

namespace Portal.News.Controllers;

/// <summary>
/// The editorial board's news desk: list, write, edit, and move articles through the workflow.
/// Each step checks its own permission; a reporter edits only their own drafts.
/// </summary>
[Area("News")]
[Route("admin/news")]
[RequirePermission("CreateNews")]
public sealed class NewsAdminController(ContentManager contents, NewsQueries news, HtmlSanitizer sanitizer, NewsOffers offers) : ContentDeskController(contents)
{
    protected override string ContentType => NewsFields.ContentType;

    protected override string ItemNoun => "tin bài";

    [HttpGet("create")]
    public async Task<IActionResult> Create() => View("Edit", await WithChoicesAsync(new NewsEditViewModel(), null));

    [HttpPost("create")]
    public Task<IActionResult> Create(NewsEditViewModel model) =>
        CreateFromFormAsync(async () => await ValidateAsync(model) ? ToDraft(model) : null, async () => View("Edit", await WithChoicesAsync(model, null)), nameof(model.Slug));

    [HttpGet("{id}")]
    public Task<IActionResult> Edit(string id) => EditFormAsync(id, ToModel, async (model, item) => View(await WithChoicesAsync(model, item)));

    [HttpPost("{id}")]
    public Task<IActionResult> Edit(string id, NewsEditViewModel model) =>
        SaveFromFormAsync(id, model, async item => await ValidateAsync(model) ? ToDraft(model, NewsFields.Read(item.Data)) : null, async item => View(await WithChoicesAsync(model, item)), nameof(model.Slug));

    /// <summary>
    /// "Gửi tin lên cổng tỉnh": offers the article's published version to the site above, where it
    /// waits in the news desk as a submitted item. Offering again changes nothing and says so.
    /// </summary>
    [HttpPost("{id}/offer-up")]
    public async Task<IActionResult> OfferUp(string id)
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return NotFound();
        }

        try
        {
            var (outcome, parent) = await offers.OfferAsync(item, Portal.Core.Hosting.SiteUrls.Base(HttpContext), User, Actor, HttpContext.RequestAborted);
            TempData["Message"] = outcome == OfferOutcome.Sent
                ? $"Đã gửi tin bài lên {parent.DisplayName}. Tin chờ ban biên tập {parent.DisplayName} duyệt trước khi đăng."
                : $"Tin bài này đã được gửi lên {parent.DisplayName} trước đó; không gửi lại.";
        }
        catch (ContentForbiddenException)
        {
            return Forbid();
        }
        catch (ContentWorkflowException ex)
        {
            TempData["Error"] = ex.Message;
        }

        return RedirectToAction("Edit", new { id });
    }

    /// <summary>The desk's old history address: history, diff and restore are the shared Contents admin's, for every type.</summary>
    [HttpGet("{id}/history")]
    public IActionResult History(string id) => Redirect(Url.Content($"~/admin/contents/{Uri.EscapeDataString(id)}/history"));

    private async Task<bool> ValidateAsync(NewsEditViewModel model)
    {
        var slug = string.IsNullOrWhiteSpace(model.Slug) ? Slugs.FromTitle(model.Title ?? "") : model.Slug.Trim().ToLowerInvariant();
        if (ModelState.IsValid && !Slugs.IsValid(slug))
        {
            ModelState.AddModelError(nameof(model.Slug), "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang.");
        }

        if (!string.IsNullOrEmpty(model.Category) && await news.CategoryAsync(model.Category, HttpContext.RequestAborted) is null)
        {
            ModelState.AddModelError(nameof(model.Category), "Chuyên mục không tồn tại.");
        }

        if (!string.IsNullOrWhiteSpace(model.FeaturedImage) && string.IsNullOrWhiteSpace(model.FeaturedImageAlt))
        {
            ModelState.AddModelError(nameof(model.FeaturedImageAlt), "Ảnh cần có mô tả cho người đọc bằng trình đọc màn hình.");
        }

        if (!string.IsNullOrWhiteSpace(model.FeaturedImage) && !HtmlSanitizer.IsSiteImageUrl(model.FeaturedImage))
        {
            ModelState.AddModelError(nameof(model.FeaturedImage), "Đường dẫn ảnh không hợp lệ: chọn ảnh trong thư viện của trang (/media/...).");
        }

        try
        {
            model.Body = sanitizer.Sanitize(model.Body);
        }
        catch (ArgumentException ex)
        {
            ModelState.AddModelError(nameof(model.Body), "Nội dung không hợp lệ: " + ex.Message);
        }

        model.Slug = slug;
        return ModelState.IsValid;
    }

    private static NewsEditViewModel ToModel(ContentItem item)
    {
        var fields = NewsFields.Read(item.Data);
        return new NewsEditViewModel
        {
            Title = item.Title,
            Slug = item.Slug,
            Summary = fields.Summary,
            Body = fields.Body,
            Category = fields.Category,
            Tags = string.Join(", ", fields.Tags),
            Author = fields.Author,
            Photographer = fields.Photographer,
            Source = fields.Source,
            FeaturedImage = fields.FeaturedImage,
            FeaturedImageAlt = fields.FeaturedImageAlt,
            Featured = fields.Featured,
            RoyaltyClass = fields.RoyaltyClass,
        };
    }

    /// <param name="stored">The fields saved before: what the form does not show (an offered copy's source) is kept.</param>
    private static ContentDraft ToDraft(NewsEditViewModel model, NewsArticleFields? stored = null) => new(
        model.Title.Trim(),
        model.Slug!,
        NewsFields.Write(new NewsArticleFields
        {
            Summary = model.Summary?.Trim() ?? "",
            Body = model.Body ?? "",
            Category = model.Category,
            Tags = [.. (model.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Author = model.Author?.Trim() ?? "",
            Photographer = model.Photographer?.Trim() ?? "",
            Source = model.Source?.Trim() ?? "",
            FeaturedImage = model.FeaturedImage?.Trim() ?? "",
            FeaturedImageAlt = model.FeaturedImageAlt?.Trim() ?? "",
            Featured = model.Featured,
            RoyaltyClass = model.RoyaltyClass?.Trim() ?? "",
            SourceSite = stored?.SourceSite,
            SourceUrl = stored?.SourceUrl,
        }))
    {
        Category = model.Category,
    };

    private async Task<NewsEditViewModel> WithChoicesAsync(NewsEditViewModel model, ContentItem? item)
    {
        model.Categories = await news.CategoriesAsync(HttpContext.RequestAborted);
        model.Allowed = await AllowedNamesAsync(item);
        if (item is not null && await offers.CanOfferAsync(item, User, HttpContext.RequestAborted))
        {
            model.OfferTo = offers.Parent()!.DisplayName;
        }

        if (item is not null)
        {
            var fields = NewsFields.Read(item.Data);
            (model.SourceSiteName, model.SourceUrl) = (fields.SourceSite is null ? null : fields.Source, fields.SourceUrl);
        }

        return model;
    }
}
