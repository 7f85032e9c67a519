using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Contents;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Text;
using Portal.Procedures.Models;
using Portal.Procedures.Services;
using Portal.Procedures.ViewModels;

namespace Portal.Procedures.Controllers;

/// <summary>
/// The procedures desk at /admin/thu-tuc: list, write, edit and move procedures through the
/// content workflow. History, comparing and restoring versions are the shared Contents admin's
/// (/admin/contents/{id}/history), as for every content type; bulk import is ProcedureImportController.
/// It works on the site's own items only (the content manager's tenant filter): a commune's admin
/// opening the province's shared procedure gets 404. An id that no procedure could have
/// (<see cref="ContentIds.IsValid"/>) is 404 before any query.
/// </summary>
[Area("Procedures")]
[Route("admin/thu-tuc")]
[RequirePermission("ManageProcedures")]
public sealed class ProceduresAdminController(ContentManager contents, ProcedureAdminQueries desk, ProcedureWriter writer, IPermissionService permissions) : Controller
{
    private const int PageSize = 20;
    private const string Publish = "PublishProcedures";

    private static readonly string[] Operations = ["submit", "approve", "return", "publish", "force-publish", "unpublish", "archive", "delete"];
    private static readonly string[] BulkOperations = ["submit", "approve", "publish", "unpublish", "archive", "delete"];

    // A schedule outside these years is a typing slip (or a crafted post), not a plan.
    private static readonly DateTime EarliestSchedule = new(2000, 1, 1);
    private static readonly DateTime LatestSchedule = new(2100, 1, 1);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? field, ProcedureLevel? level, OnlineServiceLevel? online, ContentState? state, string sort = "modified", int page = 1)
    {
        page = Paging.Clamp(page);
        var ct = HttpContext.RequestAborted;
        var (items, total) = await desk.SearchAsync(new ProcedureAdminFilter(q, field, level, online, state, sort), page, PageSize, ct);
        return View(new ProcedureAdminListViewModel
        {
            Items = items,
            Fields = await desk.FieldsAsync(ct),
            Search = q,
            Field = field,
            Level = level,
            Online = online,
            State = state,
            Sort = sort,
            Page = page,
            Total = total,
            PageSize = PageSize,
        });
    }

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", new ProcedureEditViewModel { Level = nameof(ProcedureLevel.Commune), OnlineLevel = "none" });

    [HttpPost("create")]
    public async Task<IActionResult> Create(ProcedureEditViewModel model)
    {
        if (await ValidateAsync(model, null) is not { } draft)
        {
            return View("Edit", model);
        }

        try
        {
            var item = await contents.CreateAsync(ProcedureJson.ContentType, draft, ContentActor.From(HttpContext), cancellationToken: HttpContext.RequestAborted);
            TempData["Message"] = $"Đã lưu bản nháp \"{item.Title}\".";
            return RedirectToAction(nameof(Edit), new { id = item.ContentItemId });
        }
        catch (ContentWorkflowException ex)
        {
            ModelState.AddModelError(nameof(model.Slug), ex.Message);
            return View("Edit", model);
        }
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return NotFound();
        }

        var model = ToModel(item);
        model.Allowed = await AllowedAsync(item);
        return View(model);
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, ProcedureEditViewModel model)
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return NotFound();
        }

        model.ContentItemId = id;
        model.State = item.State;
        model.Version = item.Version;
        model.Allowed = await AllowedAsync(item);
        if (await ValidateAsync(model, id) is not { } draft)
        {
            return View(model);
        }

        try
        {
            await contents.SaveAsync(id, draft, ContentActor.From(HttpContext), HttpContext.RequestAborted);
            TempData["Message"] = "Đã lưu phiên bản mới.";
            return RedirectToAction(nameof(Edit), new { id });
        }
        catch (ContentWorkflowException ex)
        {
            ModelState.AddModelError(nameof(model.Slug), ex.Message);
            return View(model);
        }
    }

    /// <summary>Asks before deleting: the page names the procedure and posts to the delete step.</summary>
    [HttpGet("{id}/delete")]
    public async Task<IActionResult> Delete(string id)
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return NotFound();
        }

        return (await AllowedAsync(item)).Contains("delete") ? View(item) : Forbid();
    }

    [HttpPost("{id}/{operation}")]
    public async Task<IActionResult> Move(string id, string operation, DateTime? publishAt, string? reason)
    {
        var item = Operations.Contains(operation) ? await FindAsync(id) : null;
        if (item is null)
        {
            return NotFound();
        }

        if (!(await AllowedAsync(item)).Contains(operation))
        {
            return Forbid();
        }

        if (operation == "publish" && ScheduleProblem(publishAt) is { } problem)
        {
            TempData["Error"] = problem;
            return RedirectToAction(nameof(Edit), new { id });
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
                case "publish": await contents.PublishAsync(id, actor, publishAt is { } at ? DateTime.SpecifyKind(at.AddHours(-7), DateTimeKind.Utc) : null, ct); break;
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

    /// <summary>One workflow step on many procedures; the ones not allowed for this person or state are skipped and counted.</summary>
    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk(string[] ids, string operation)
    {
        if (!BulkOperations.Contains(operation) || ids.Length == 0)
        {
            TempData["Error"] = "Chọn ít nhất một thủ tục và một thao tác.";
            return RedirectToAction(nameof(Index));
        }

        var actor = ContentActor.From(HttpContext);
        var ct = HttpContext.RequestAborted;
        int done = 0, skipped = 0;
        foreach (var id in ids.Distinct().Take(200))
        {
            var item = await FindAsync(id);
            if (item is null || !(await AllowedAsync(item)).Contains(operation))
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

        TempData["Message"] = $"Đã thực hiện với {done} thủ tục" + (skipped > 0 ? $"; bỏ qua {skipped} thủ tục không đủ điều kiện hoặc không có quyền." : ".");
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The site's procedure with this id, or null (also for an id no procedure could have).</summary>
    private async Task<ContentItem?> FindAsync(string id)
    {
        if (!ContentIds.IsValid(id))
        {
            return null;
        }

        var item = await contents.LatestAsync(id, HttpContext.RequestAborted);
        return item?.ContentType == ProcedureJson.ContentType ? item : null;
    }

    /// <summary>
    /// Why a schedule cannot be used, or null. The time is Vietnam's (UTC+7); a value the binder
    /// could not read must not turn into "publish now", and a year like 0001 or 9999 is refused
    /// here rather than overflowing the conversion to UTC.
    /// </summary>
    private string? ScheduleProblem(DateTime? publishAt)
    {
        if (ModelState.TryGetValue("publishAt", out var entry) && entry.Errors.Count > 0)
        {
            return "Thời điểm hẹn giờ không đọc được; hãy chọn ngày giờ theo mẫu ngày/tháng/năm giờ:phút.";
        }

        return publishAt is { } at && (at < EarliestSchedule || at >= LatestSchedule)
            ? $"Thời điểm hẹn giờ {at:dd/MM/yyyy HH:mm} không hợp lệ: hãy chọn một thời điểm từ năm 2000 đến năm 2099."
            : null;
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>The workflow steps this person may take on this item now.</summary>
    private async Task<IReadOnlySet<string>> AllowedAsync(ContentItem item)
    {
        var allowed = new HashSet<string>();
        var publish = await permissions.HasPermissionAsync(User, Publish);
        if (item.State == ContentState.Draft)
        {
            allowed.Add("submit");
        }

        if (!publish)
        {
            if (item.AuthorId == UserId && item.State == ContentState.Draft && item.PublishedUtc is null)
            {
                allowed.Add("delete");
            }

            return allowed;
        }

        if (item.State == ContentState.Submitted)
        {
            allowed.Add("approve");
        }

        if (item.State is ContentState.Submitted or ContentState.Approved)
        {
            allowed.Add("return");
        }

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
        return allowed;
    }

    /// <summary>
    /// Checks the form with the same reader as imports (so the two accept the same values) and puts
    /// each message beside its field; returns the draft to save, or null when something is wrong.
    /// </summary>
    private async Task<ContentDraft?> ValidateAsync(ProcedureEditViewModel model, string? id)
    {
        var fields = new JsonObject
        {
            ["code"] = model.Code ?? "",
            ["name"] = model.Name ?? "",
            ["field"] = model.Field ?? "",
            ["level"] = model.Level ?? "",
            ["agency"] = model.Agency ?? "",
            ["steps"] = model.Steps ?? "",
            ["channels"] = new JsonArray([.. model.Channels.Select(c => (JsonNode?)JsonValue.Create(c))]),
            ["documents"] = model.Documents ?? "",
            ["processingTime"] = model.ProcessingTime ?? "",
            ["fees"] = model.Fees ?? "",
            ["applicants"] = model.Applicants ?? "",
            ["result"] = model.Result ?? "",
            ["legalBasis"] = model.LegalBasis ?? "",
            ["forms"] = model.Forms ?? "",
            ["onlineLevel"] = model.OnlineLevel ?? "",
            ["nationalPortalUrl"] = model.NationalPortalUrl ?? "",
        };
        var problems = new List<FieldProblem>();
        var input = ProcedureEnvelope.Read(fields, problems);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(char.ToUpperInvariant(problem.Field[0]) + problem.Field[1..], char.ToUpperInvariant(problem.Message[0]) + problem.Message[1..]);
        }

        if (input is not null && await writer.FindByCodeAsync(input.Fields.Code, HttpContext.RequestAborted) is { } owner && owner != id)
        {
            ModelState.AddModelError(nameof(model.Code), $"Mã thủ tục {input.Fields.Code} đã được dùng cho thủ tục khác của trang.");
        }

        var slug = string.IsNullOrWhiteSpace(model.Slug) ? ProcedureWriter.SlugFor(model.Code ?? "", model.Name ?? "") : model.Slug.Trim().ToLowerInvariant();
        if (!Slugs.IsValid(slug))
        {
            ModelState.AddModelError(nameof(model.Slug), "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang.");
        }

        model.Slug = slug;
        return ModelState.IsValid && input is not null ? new ContentDraft(input.Name, slug, ProcedureJson.Write(input.Fields)) { Category = input.Fields.Field } : null;
    }

    private static ProcedureEditViewModel ToModel(ContentItem item)
    {
        var f = ProcedureJson.Read(item.Data);
        return new ProcedureEditViewModel
        {
            ContentItemId = item.ContentItemId,
            State = item.State,
            Version = item.Version,
            Code = f.Code,
            Name = item.Title,
            Slug = item.Slug,
            Field = f.Field,
            Level = f.Level.ToString(),
            Agency = f.Agency,
            Steps = string.Join("\n", f.Steps),
            Channels = [.. f.Channels.Select(ChannelValue)],
            Documents = string.Join("\n", f.Documents.Select(d => d.Kind == DocumentKind.Unspecified ? $"{d.Name} :: {d.Copies}" : $"{d.Name} :: {d.Copies} :: {ProcedureText.Kind(d.Kind)}")),
            ProcessingTime = f.ProcessingTime,
            Fees = f.Fees,
            Applicants = f.Applicants,
            Result = f.Result,
            LegalBasis = string.Join("\n", f.LegalBasis),
            Forms = string.Join("\n", f.Forms.Select(x => $"{x.Title} :: {x.Url}")),
            OnlineLevel = f.OnlineLevel.ToString().ToLowerInvariant(),
            NationalPortalUrl = f.NationalPortalUrl,
        };
    }

    public static string ChannelValue(SubmissionChannel channel) => channel switch
    {
        SubmissionChannel.InPerson => "in-person",
        SubmissionChannel.Online => "online",
        _ => "post",
    };
}
