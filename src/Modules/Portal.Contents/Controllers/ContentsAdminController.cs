using System.Security.Claims;
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
public sealed class ContentsAdminController(ContentManager contents, ContentTypes types, ContentListQueries list, IEnumerable<IContentListFilter> typeFilters) : Controller
{
    private const int PageSize = 25;

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
        var filter = new ContentListFilter(q, state, category, author, from, to, sort)
        {
            OwnOnlyTypes = await types.OwnOnlyAsync(User, editable.Where(t => shown.Contains(t.Type))),
            UserId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        };
        // The chosen type's own filters (a document's type and year, a procedure's level), by name from the query string.
        var typeFilter = chosen is null ? null : typeFilters.FirstOrDefault(f => f.ContentType == chosen.Type);
        var fields = typeFilter is null ? [] : await typeFilter.FieldsAsync(HttpContext.RequestAborted);
        var values = fields.Select(f => (f.Name, Value: Request.Query[f.Name].ToString().Trim()))
            .Where(v => v.Value.Length is > 0 and <= 200).ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        var (items, total) = await list.SearchAsync(filter with { Narrow = typeFilter is null ? null : q => typeFilter.Apply(q, values) }, shown, page, PageSize, HttpContext.RequestAborted);
        var details = typeFilter is null ? new Dictionary<string, string>() : await typeFilter.DetailsAsync([.. items.Select(i => i.ContentItemId)], HttpContext.RequestAborted);
        return View(new ContentListViewModel
        {
            Types = editable,
            Items = items,
            Categories = await list.CategoriesAsync(shown, HttpContext.RequestAborted),
            TypeFields = fields,
            TypeLinks = chosen is null ? [] : await types.LinksAsync(User, chosen),
            TypeValues = values,
            Details = details,
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
        if (!ContentOperations.TryParse(operation, out var op) || !ContentOperations.Bulk.Contains(op) || ids.Length == 0)
        {
            TempData["Error"] = "Chọn ít nhất một nội dung và một thao tác.";
            return RedirectToAction(nameof(Index));
        }

        var editable = await types.EditableAsync(User);
        var (done, skipped) = await contents.BulkAsync([.. editable.Select(t => t.Type)], ids, op, User, ContentActor.From(HttpContext), HttpContext.RequestAborted);
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
            Versions = await contents.VersionsAsync(item, HttpContext.RequestAborted),
            Audit = await contents.AuditAsync(item, HttpContext.RequestAborted),
            MayRestore = (await contents.AllowedAsync(item, User, HttpContext.RequestAborted)).Contains(ContentOperation.Restore),
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

        var versions = await contents.VersionsAsync(item, HttpContext.RequestAborted);
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
            await contents.ApplyAsync(item, new ContentCommand(ContentOperation.Restore) { Version = version }, User, ContentActor.From(HttpContext), HttpContext.RequestAborted);
            TempData["Message"] = $"Đã khôi phục nội dung của phiên bản {version} thành bản nháp mới.";
        }
        catch (ContentForbiddenException)
        {
            return Forbid();
        }
        catch (ContentWorkflowException ex)
        {
            TempData["Error"] = ex.Message;
        }

        return RedirectToAction(nameof(History), new { id });
    }

    /// <summary>The item with its type, only when this person may work with that type here and open this item (a reporter: their own).</summary>
    private async Task<(ContentItem? Item, ContentTypeDefinition? Type)> FindAsync(string id)
    {
        var editable = await types.EditableAsync(User);
        var item = await contents.LatestAsync([.. editable.Select(t => t.Type)], id, HttpContext.RequestAborted);
        if (item is null || !await contents.MayOpenAsync(item, User))
        {
            return (null, null);
        }

        return (item, editable.First(t => t.Type == item.ContentType));
    }
}
