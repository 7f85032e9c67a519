using Microsoft.AspNetCore.Mvc;

namespace Portal.Core.Contents;

/// <summary>
/// What every type's desk (its editor form at <c>admin/{desk}/{id}</c>) shares: opening only its own
/// type's items, and the workflow steps posted to <c>{id}/{operation}</c> and <c>bulk</c>, checked and
/// applied by <see cref="ContentManager"/>. A desk adds its form and its type's own screens.
/// </summary>
public abstract class ContentDeskController(ContentManager contents) : Controller
{
    /// <summary>The type this desk edits (<c>news</c>, <c>legal-document</c>, ...).</summary>
    protected abstract string ContentType { get; }

    /// <summary>What the desk calls one item in messages ("tin bài", "văn bản").</summary>
    protected abstract string ItemNoun { get; }

    protected ContentManager Contents => contents;

    protected ContentActor Actor => ContentActor.From(HttpContext);

    /// <summary>
    /// The desk's list is the shared one (/admin/contents?type=...), where every type is listed,
    /// filtered, paged and moved in bulk the same way; the desk's old address and its filters lead there.
    /// </summary>
    [HttpGet("")]
    public IActionResult Index()
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal) { ["type"] = ContentType };
        foreach (var (name, value) in Request.Query)
        {
            if (ListQueryName(name) is { } mapped && mapped != "type")
            {
                query[mapped] = value.ToString();
            }
        }

        return Redirect(Url.Content("~/admin/contents") + Microsoft.AspNetCore.Http.QueryString.Create(query));
    }

    /// <summary>The shared list's name for one of the desk's old query parameters (null drops it).</summary>
    protected virtual string? ListQueryName(string name) => name;

    /// <summary>The latest version of this desk's type with the id, when this person may open it; null otherwise (the desk answers 404).</summary>
    protected async Task<ContentItem?> FindAsync(string id)
    {
        var item = await contents.LatestAsync(ContentType, id, HttpContext.RequestAborted);
        return item is not null && await contents.MayOpenAsync(item, User) ? item : null;
    }

    /// <summary>The steps this person may take on the item now, by their names in the form (submit, publish, ...).</summary>
    protected async Task<IReadOnlySet<string>> AllowedNamesAsync(ContentItem? item) =>
        item is null ? new HashSet<string>() : (await contents.AllowedAsync(item, User, HttpContext.RequestAborted)).Select(o => o.Name()).ToHashSet();

    /// <summary>The type's editor form for one item: <paramref name="toModel"/> reads its fields; the item's id, state, version and allowed steps are filled in here.</summary>
    protected async Task<IActionResult> EditFormAsync<TModel>(string id, Func<ContentItem, TModel> toModel, Func<TModel, ContentItem, Task<IActionResult>> show)
        where TModel : ContentEditModel
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return NotFound();
        }

        var model = toModel(item);
        model.ContentItemId = item.ContentItemId;
        model.State = item.State;
        model.Version = item.Version;
        model.Allowed = await AllowedNamesAsync(item);
        return await show(model, item);
    }

    /// <summary>
    /// Writes a new item from the type's form: <paramref name="validate"/> puts each message beside
    /// its field and returns the draft, or null; a refusal by the lifecycle (an address taken) lands
    /// beside <paramref name="errorField"/>; <paramref name="redisplay"/> shows the form again.
    /// </summary>
    protected async Task<IActionResult> CreateFromFormAsync(Func<Task<ContentDraft?>> validate, Func<Task<IActionResult>> redisplay, string errorField)
    {
        if (await validate() is not { } draft)
        {
            return await redisplay();
        }

        try
        {
            var item = await contents.CreateAsync(ContentType, draft, User, Actor, HttpContext.RequestAborted);
            TempData["Message"] = $"Đã lưu bản nháp \"{item.Title}\".";
            return RedirectToAction("Edit", new { id = item.ContentItemId });
        }
        catch (ContentWorkflowException ex)
        {
            ModelState.AddModelError(errorField, ex.Message);
            return await redisplay();
        }
        catch (ContentForbiddenException)
        {
            return Forbid();
        }
    }

    /// <summary>Saves an edit from the type's form as a new version, as <see cref="CreateFromFormAsync"/> does for a new item.</summary>
    protected async Task<IActionResult> SaveFromFormAsync(string id, ContentEditModel model, Func<ContentItem, Task<ContentDraft?>> validate, Func<ContentItem, Task<IActionResult>> redisplay, string errorField)
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return NotFound();
        }

        model.ContentItemId = id;
        model.State = item.State;
        model.Version = item.Version;
        model.Allowed = await AllowedNamesAsync(item);
        if (await validate(item) is not { } draft)
        {
            return await redisplay(item);
        }

        try
        {
            await contents.ApplyAsync(item, ContentCommand.Save(draft), User, Actor, HttpContext.RequestAborted);
            TempData["Message"] = "Đã lưu phiên bản mới.";
            return RedirectToAction("Edit", new { id });
        }
        catch (ContentWorkflowException ex)
        {
            ModelState.AddModelError(errorField, ex.Message);
            return await redisplay(item);
        }
        catch (ContentForbiddenException)
        {
            return Forbid();
        }
    }

    /// <summary>One workflow step from the item's editor (publish with a time is a schedule, force-publish and return take a reason).</summary>
    // Order 2: a desk's own "{id}/something" routes, even those ordered after its main ones for
    // links (the pages desk's legacy "{id}/edit"), are tried before this catch-all.
    [HttpPost("{id}/{operation}", Order = 2)]
    public async Task<IActionResult> Move(string id, string operation, DateTime? publishAt, string? reason)
    {
        var item = await FindAsync(id);
        if (item is null || !ContentOperations.TryParse(operation, out _))
        {
            return NotFound();
        }

        var problem = ModelState.IsValid ? null : "Thời điểm hẹn giờ không hợp lệ.";
        if (problem is not null || ContentCommand.FromForm(operation, publishAt, reason, out problem) is not { } command)
        {
            TempData["Error"] = problem;
            return RedirectToAction("Edit", new { id });
        }

        try
        {
            await contents.ApplyAsync(item, command, User, Actor, HttpContext.RequestAborted);
        }
        catch (ContentForbiddenException)
        {
            return Forbid();
        }
        catch (ContentWorkflowException ex)
        {
            TempData["Error"] = ex.Message;
            return RedirectToAction("Edit", new { id });
        }

        if (command.Operation == ContentOperation.Delete)
        {
            TempData["Message"] = $"Đã xóa {ItemNoun} \"{item.Title}\".";
            return RedirectToAction("Index");
        }

        TempData["Message"] = "Đã cập nhật trạng thái.";
        return RedirectToAction("Edit", new { id });
    }

    /// <summary>One step on many items of this desk's type; each is checked as if alone, the rest skipped and counted.</summary>
    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk(string[] ids, string operation)
    {
        if (!ContentOperations.TryParse(operation, out var op) || !ContentOperations.Bulk.Contains(op) || ids.Length == 0)
        {
            TempData["Error"] = $"Chọn ít nhất một {ItemNoun} và một thao tác.";
            return RedirectToAction("Index");
        }

        var result = await contents.BulkAsync([ContentType], ids, op, User, Actor, HttpContext.RequestAborted);
        TempData["Message"] = $"Đã thực hiện với {result.Done} {ItemNoun}" + (result.Skipped > 0 ? $"; bỏ qua {result.Skipped} {ItemNoun} không đủ điều kiện hoặc không có quyền." : ".");
        return RedirectToAction("Index");
    }
}
