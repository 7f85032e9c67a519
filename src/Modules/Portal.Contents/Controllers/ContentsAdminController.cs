using Microsoft.AspNetCore.Mvc;
using Portal.Contents.Services;
using Portal.Contents.ViewModels;
using Portal.Core.Contents;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Contents.Controllers;

/// <summary>
/// Every content type in one list with one look: search, filters, sorting, paging, bulk workflow
/// steps, history, diff and restore. Writing and editing stay in each type's own editor, which
/// knows its fields; what someone may do here is decided by the item's type's permissions.
/// </summary>
[Area("Contents")]
[Route("admin/contents")]
[RequirePermission("ListContent")]
public sealed class ContentsAdminController(ContentManager contents, ContentTypes types, ContentListQueries list) : Controller
{
    private const int PageSize = 25;

    private static readonly string[] BulkOperations = ["submit", "publish", "unpublish", "archive", "delete"];

    [HttpGet("")]
    public async Task<IActionResult> Index(string? type, string? q, ContentState? state, string? category, string? author, DateTime? from, DateTime? to, string sort = "modified", int page = 1)
    {
        page = Paging.Clamp(page);
        var editable = await types.EditableAsync(User);
        var chosen = editable.FirstOrDefault(t => t.Type == type);
        if (!string.IsNullOrEmpty(type) && chosen is null)
        {
            TempData["Error"] = $"Không có loại nội dung \"{type}\" mà bạn được quản lý trên trang này; đang hiện mọi loại.";
        }

        if (!ModelState.IsValid)
        {
            // A malformed date or state in the address: show everything rather than fail.
            (state, from, to) = (null, null, null);
            TempData["Error"] = "Bộ lọc không hợp lệ đã được bỏ qua.";
        }

        string[] shown = chosen is null ? [.. editable.Select(t => t.Type)] : [chosen.Type];
        var filter = new ContentListFilter(q, state, category, author, from, to, sort);
        var (items, total) = await list.SearchAsync(filter, shown, page, PageSize, HttpContext.RequestAborted);
        return View(new ContentListViewModel
        {
            Types = editable,
            Items = items,
            Categories = await list.CategoriesAsync(shown, HttpContext.RequestAborted),
            Type = chosen?.Type,
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

    /// <summary>
    /// One workflow step on many items, each checked on its own: items of a type this person may
    /// not publish, or whose state does not allow the step, are skipped and counted.
    /// </summary>
    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk(string[] ids, string operation)
    {
        if (!BulkOperations.Contains(operation) || ids.Length == 0)
        {
            TempData["Error"] = "Chọn ít nhất một nội dung và một thao tác.";
            return RedirectToAction(nameof(Index));
        }

        var editable = await types.EditableAsync(User);
        var actor = ContentActor.From(HttpContext);
        var ct = HttpContext.RequestAborted;
        int done = 0, skipped = 0;
        foreach (var id in ids.Distinct().Take(200))
        {
            var item = await contents.LatestAsync(id, ct);
            var type = item is null ? null : editable.FirstOrDefault(t => t.Type == item.ContentType);
            if (item is null || type is null || (operation != "submit" && !await types.MayPublishAsync(User, type)))
            {
                skipped++;
                continue;
            }

            try
            {
                switch (operation)
                {
                    case "submit": await contents.SubmitAsync(id, actor, ct); break;
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

        TempData["Message"] = $"Đã thực hiện với {done} nội dung" + (skipped > 0 ? $"; bỏ qua {skipped} nội dung không đủ điều kiện hoặc không có quyền." : ".");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id}/history")]
    public async Task<IActionResult> History(string id)
    {
        var (item, type) = await FindAsync(id);
        if (item is null || type is null)
        {
            return NotFound();
        }

        return View(new ContentHistoryViewModel
        {
            Type = type,
            Latest = item,
            Versions = await contents.VersionsAsync(id, HttpContext.RequestAborted),
            Audit = await contents.AuditAsync(id, HttpContext.RequestAborted),
        });
    }

    [HttpGet("{id}/diff")]
    public async Task<IActionResult> Diff(string id, int from, int to)
    {
        var (item, type) = await FindAsync(id);
        if (item is null || type is null)
        {
            return NotFound();
        }

        var versions = await contents.VersionsAsync(id, HttpContext.RequestAborted);
        var a = versions.FirstOrDefault(v => v.Version == from);
        var b = versions.FirstOrDefault(v => v.Version == to);
        if (a is null || b is null)
        {
            return NotFound();
        }

        return View(new ContentDiffViewModel { From = a, To = b, Changes = ContentDiff.Between(a, b, type) });
    }

    [HttpPost("{id}/restore/{version:int}")]
    public async Task<IActionResult> Restore(string id, int version)
    {
        var (item, type) = await FindAsync(id);
        if (item is null || type is null)
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

        return RedirectToAction(nameof(History), new { id });
    }

    /// <summary>The item with its type, only when this person may work with that type here.</summary>
    private async Task<(ContentItem? Item, ContentTypeDefinition? Type)> FindAsync(string id)
    {
        var item = await contents.LatestAsync(id, HttpContext.RequestAborted);
        if (item is null)
        {
            return (null, null);
        }

        var type = (await types.EditableAsync(User)).FirstOrDefault(t => t.Type == item.ContentType);
        return (item, type);
    }
}
