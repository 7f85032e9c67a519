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
public sealed class NewsAdminController(ContentManager contents, NewsQueries news, NewsAdminQueries desk, IPermissionService permissions, HtmlSanitizer sanitizer) : Controller
{
    private const int PageSize = 20;

    private static readonly string[] Operations = ["submit", "approve", "return", "publish", "force-publish", "unpublish", "archive", "delete"];

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, ContentState? state, string? category, string? author, DateTime? from, DateTime? to, string sort = "modified", int page = 1)
    {
        page = Paging.Clamp(page);
        var ownOnly = await CanAsync("EditAnyNews") ? null : UserId;
        var (items, total) = await desk.SearchAsync(new NewsAdminFilter(q, state, category, author, from, to, sort, ownOnly), page, PageSize, HttpContext.RequestAborted);
        return View(new NewsAdminListViewModel
        {
            Items = items,
            Categories = await news.CategoriesAsync(HttpContext.RequestAborted),
            Search = q,
            State = state,
            Category = category,
            Author = author,
            From = from,
            To = to,
            Sort = sort,
            Page = page,
            Total = total,
            PageSize = PageSize,
        });
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create() => View("Edit", await WithChoicesAsync(new NewsEditViewModel(), null));

    [HttpPost("create")]
    public async Task<IActionResult> Create(NewsEditViewModel model)
    {
        if (!await ValidateAsync(model))
        {
            return View("Edit", await WithChoicesAsync(model, null));
        }

        try
        {
            var item = await contents.CreateAsync(NewsFields.ContentType, ToDraft(model), ContentActor.From(HttpContext), cancellationToken: HttpContext.RequestAborted);
            TempData["Message"] = $"Đã lưu bản nháp \"{item.Title}\".";
            return RedirectToAction(nameof(Edit), new { id = item.ContentItemId });
        }
        catch (ContentWorkflowException ex)
        {
            ModelState.AddModelError(nameof(model.Slug), ex.Message);
            return View("Edit", await WithChoicesAsync(model, null));
        }
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var item = await contents.LatestAsync(id, HttpContext.RequestAborted);
        if (item is null || !await MayEditAsync(item))
        {
            return NotFound();
        }

        var fields = NewsFields.Read(item.Data);
        var model = new NewsEditViewModel
        {
            ContentItemId = item.ContentItemId,
            State = item.State,
            Version = item.Version,
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
        return View(await WithChoicesAsync(model, item));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, NewsEditViewModel model)
    {
        var item = await contents.LatestAsync(id, HttpContext.RequestAborted);
        if (item is null || !await MayEditAsync(item))
        {
            return NotFound();
        }

        model.ContentItemId = id;
        model.State = item.State;
        model.Version = item.Version;
        if (!await ValidateAsync(model))
        {
            return View(await WithChoicesAsync(model, item));
        }

        try
        {
            await contents.SaveAsync(id, ToDraft(model), ContentActor.From(HttpContext), HttpContext.RequestAborted);
            TempData["Message"] = "Đã lưu phiên bản mới.";
            return RedirectToAction(nameof(Edit), new { id });
        }
        catch (ContentWorkflowException ex)
        {
            ModelState.AddModelError(nameof(model.Slug), ex.Message);
            return View(await WithChoicesAsync(model, item));
        }
    }

    [HttpPost("{id}/{operation}")]
    public async Task<IActionResult> Move(string id, string operation, DateTime? publishAt, string? reason)
    {
        var item = await contents.LatestAsync(id, HttpContext.RequestAborted);
        if (item is null || !Operations.Contains(operation) || !await MayEditAsync(item))
        {
            return NotFound();
        }

        if (!(await AllowedAsync(item)).Contains(operation))
        {
            return Forbid();
        }

        var actor = ContentActor.From(HttpContext);
        var ct = HttpContext.RequestAborted;
        try
        {
            switch (operation)
            {
                case "submit": await contents.SubmitAsync(id, actor, ct); break;
                case "approve": await contents.ApproveAsync(id, actor, ct); break;
                case "return": await contents.ReturnAsync(id, actor, reason, ct); break;
                case "publish": await contents.PublishAsync(id, actor, publishAt is { } at ? VietnamToUtc(at) : null, ct); break;
                case "force-publish": await contents.ForcePublishAsync(id, actor, reason ?? "", ct); break;
                case "unpublish": await contents.UnpublishAsync(id, actor, ct); break;
                case "archive": await contents.ArchiveAsync(id, actor, ct); break;
                default:
                    await contents.DeleteAsync(id, actor, ct);
                    TempData["Message"] = $"Đã xóa \"{item.Title}\".";
                    return RedirectToAction(nameof(Index));
            }

            TempData["Message"] = "Đã cập nhật trạng thái.";
        }
        catch (ContentWorkflowException ex)
        {
            TempData["Error"] = ex.Message;
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>
    /// One workflow step on many articles (submit, approve, publish, unpublish, archive, delete).
    /// Each article is checked as if alone: the ones this person may not move, or whose state does
    /// not allow the step, are skipped and counted.
    /// </summary>
    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk(string[] ids, string operation)
    {
        var bulk = new[] { "submit", "approve", "publish", "unpublish", "archive", "delete" };
        if (!bulk.Contains(operation) || ids.Length == 0)
        {
            TempData["Error"] = "Chọn ít nhất một tin bài và một thao tác.";
            return RedirectToAction(nameof(Index));
        }

        var actor = ContentActor.From(HttpContext);
        var ct = HttpContext.RequestAborted;
        int done = 0, skipped = 0;
        foreach (var id in ids.Distinct().Take(200))
        {
            var item = await contents.LatestAsync(id, ct);
            if (item is null || !await MayEditAsync(item) || !(await AllowedAsync(item)).Contains(operation))
            {
                skipped++;
                continue;
            }

            try
            {
                switch (operation)
                {
                    case "submit": await contents.SubmitAsync(id, actor, ct); break;
                    case "approve": await contents.ApproveAsync(id, actor, ct); break;
                    case "publish": await contents.PublishAsync(id, actor, null, ct); break;
                    case "unpublish": await contents.UnpublishAsync(id, actor, ct); break;
                    case "archive": await contents.ArchiveAsync(id, actor, ct); break;
                    default: await contents.DeleteAsync(id, actor, ct); break;
                }

                done++;
            }
            catch (ContentWorkflowException)
            {
                skipped++;
            }
        }

        TempData["Message"] = $"Đã thực hiện với {done} tin bài" + (skipped > 0 ? $"; bỏ qua {skipped} tin bài không đủ điều kiện hoặc không có quyền." : ".");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id}/history")]
    public async Task<IActionResult> History(string id)
    {
        var item = await contents.LatestAsync(id, HttpContext.RequestAborted);
        if (item is null || !await MayEditAsync(item))
        {
            return NotFound();
        }

        return View(new NewsHistoryViewModel
        {
            Latest = item,
            Versions = await contents.VersionsAsync(id, HttpContext.RequestAborted),
            Audit = await contents.AuditAsync(id, HttpContext.RequestAborted),
        });
    }

    [HttpGet("{id}/diff")]
    public async Task<IActionResult> Diff(string id, int from, int to)
    {
        var item = await contents.LatestAsync(id, HttpContext.RequestAborted);
        var versions = await contents.VersionsAsync(id, HttpContext.RequestAborted);
        var a = versions.FirstOrDefault(v => v.Version == from);
        var b = versions.FirstOrDefault(v => v.Version == to);
        if (item is null || a is null || b is null || !await MayEditAsync(item))
        {
            return NotFound();
        }

        return View(new NewsDiffViewModel { From = a, To = b, Changes = NewsDiff.Between(a, b) });
    }

    [HttpPost("{id}/restore/{version:int}")]
    public async Task<IActionResult> Restore(string id, int version)
    {
        var item = await contents.LatestAsync(id, HttpContext.RequestAborted);
        if (item is null || !await MayEditAsync(item))
        {
            return NotFound();
        }

        try
        {
            await contents.RestoreAsync(id, version, ContentActor.From(HttpContext), HttpContext.RequestAborted);
            TempData["Message"] = $"Đã khôi phục nội dung của phiên bản {version} thành bản nháp mới.";
        }
        catch (ContentWorkflowException ex)
        {
            TempData["Error"] = ex.Message;
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private Task<bool> CanAsync(string permission) => permissions.HasPermissionAsync(User, permission);

    /// <summary>Editors edit anyone's work; a reporter only their own.</summary>
    private async Task<bool> MayEditAsync(ContentItem item) => item.AuthorId == UserId || await CanAsync("EditAnyNews");

    /// <summary>The workflow steps this person may take on this item now.</summary>
    private async Task<IReadOnlySet<string>> AllowedAsync(ContentItem item)
    {
        var allowed = new HashSet<string>();
        var own = item.AuthorId == UserId;
        var edit = await CanAsync("EditAnyNews");
        var approve = await CanAsync("ApproveNews");
        var publish = await CanAsync("PublishNews");
        if (item.State == ContentState.Draft && (own || edit))
        {
            allowed.Add("submit");
        }

        if (item.State == ContentState.Submitted && approve)
        {
            allowed.Add("approve");
        }

        if (item.State is ContentState.Submitted or ContentState.Approved && (approve || edit))
        {
            allowed.Add("return");
        }

        if (publish)
        {
            if (item.State is ContentState.Approved or ContentState.Unpublished)
            {
                allowed.Add("publish");
            }

            if (item.State is not ContentState.Published and not ContentState.Archived)
            {
                allowed.Add("force-publish");
            }

            if (item.State is ContentState.Published or ContentState.Scheduled)
            {
                allowed.Add("unpublish");
            }

            if (item.State is ContentState.Published or ContentState.Unpublished or ContentState.Draft)
            {
                allowed.Add("archive");
            }

            allowed.Add("delete");
        }
        else if (own && item.State == ContentState.Draft && item.PublishedUtc is null)
        {
            allowed.Add("delete");
        }

        return allowed;
    }

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

    private static ContentDraft ToDraft(NewsEditViewModel model) => new(
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
        }))
    {
        Category = model.Category,
    };

    private async Task<NewsEditViewModel> WithChoicesAsync(NewsEditViewModel model, ContentItem? item)
    {
        model.Categories = await news.CategoriesAsync(HttpContext.RequestAborted);
        model.Allowed = item is null ? new HashSet<string>() : await AllowedAsync(item);
        return model;
    }

    /// <summary>Editors pick times in Vietnam's time (UTC+7, no daylight saving).</summary>
    private static DateTime VietnamToUtc(DateTime local) => DateTime.SpecifyKind(local.AddHours(-7), DateTimeKind.Utc);
}
