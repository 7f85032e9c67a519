using Microsoft.AspNetCore.Mvc;
using Portal.Core;
using Portal.Core.Contents;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Questions.Models;
using Portal.Questions.Services;
using Portal.Questions.ViewModels;

namespace Portal.Questions.Controllers;

/// <summary>
/// The questions of this site in the admin: <c>/admin/hoi-dap</c> (the board's triage list),
/// <c>/admin/hoi-dap/duoc-giao</c> (the responders' inbox), <c>/admin/hoi-dap/qua-han</c> (due today
/// and overdue) and one case with its steps. Every step is a POST through <see cref="QuestionDesk"/>;
/// relays to other sites are delivered right after the step commits.
/// </summary>
[Area("Questions")]
[Route("admin/hoi-dap")]
[RequirePermission("AccessAdmin")]
public sealed class QuestionsAdminController(
    QuestionDesk desk,
    QuestionQueries queries,
    QuestionRelays relays,
    AttachmentStorage files,
    TenantContext site,
    TenantCatalog catalog,
    IPermissionService permissions,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    [RequirePermission("ManageQuestions")]
    public Task<IActionResult> Index(string? status, string? field, string? q, bool overdue = false, int page = 1) =>
        ListAsync(false, status ?? (overdue ? null : nameof(QuestionStatus.Received)), field, q, overdue, page);

    [HttpGet("duoc-giao")]
    [RequirePermission("AnswerQuestions")]
    public Task<IActionResult> Inbox(string? field, string? q, bool overdue = false, int page = 1) => ListAsync(true, null, field, q, overdue, page);

    [HttpGet("qua-han")]
    [RequirePermission("ManageQuestions")]
    public async Task<IActionResult> Overdue() =>
        View(await queries.OverdueAsync(VietnamTime.Today(clock), HttpContext.RequestAborted));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Case(int id)
    {
        var question = await desk.FindAsync(id, HttpContext.RequestAborted);
        return question is null || !await MayOpenAsync(question) ? NotFound() : View(await BuildAsync(question, null));
    }

    [HttpGet("{id:int}/tep/{fileId:int}")]
    public async Task<IActionResult> Attachment(int id, int fileId)
    {
        var question = await desk.FindAsync(id, HttpContext.RequestAborted);
        if (question is null || !await MayOpenAsync(question))
        {
            return NotFound();
        }

        var file = (await desk.AttachmentsAsync(question, HttpContext.RequestAborted)).FirstOrDefault(a => a.Id == fileId);
        var content = file is null ? null : files.Open(site.TenantId, file.StoredName);
        if (content is null)
        {
            return NotFound();
        }

        // Always a download, never shown inline: a citizen's file is not trusted as a page of this site.
        return File(content, file!.ContentType, file.FileName);
    }

    [HttpPost("{id:int}/tiep-nhan")]
    [RequirePermission("ManageQuestions")]
    public Task<IActionResult> Accept(int id) =>
        StepAsync(id, "accept", (q, a) => desk.AcceptAsync(q, a, HttpContext.RequestAborted), "Đã tiếp nhận câu hỏi; câu hỏi nằm trong hộp \"được giao\" của trang.");

    [HttpPost("{id:int}/tu-choi")]
    [RequirePermission("ManageQuestions")]
    public Task<IActionResult> Reject(int id, string? rejection, string? reason) =>
        StepAsync(id, "reject", (q, a) => Enum.TryParse<QuestionRejection>(rejection, out var kind) && Enum.IsDefined(kind)
            ? desk.RejectAsync(q, kind, reason, a, HttpContext.RequestAborted)
            : throw new QuestionDeskException("rejection", "Hãy chọn lý do không tiếp nhận."), "Đã ghi nhận: câu hỏi không được tiếp nhận.", reason: reason);

    [HttpPost("{id:int}/gop")]
    [RequirePermission("ManageQuestions")]
    public Task<IActionResult> Merge(int id, string? mergeInto) =>
        StepAsync(id, "merge", (q, a) => desk.MergeAsync(q, mergeInto, a, HttpContext.RequestAborted), "Đã gộp câu hỏi.", mergeInto: mergeInto);

    [HttpPost("{id:int}/giao-don-vi")]
    [RequirePermission("ManageQuestions")]
    public Task<IActionResult> AssignUnit(int id, string? unit, string? reason) =>
        StepAsync(id, "assign", (q, a) => desk.AssignUnitAsync(q, unit, reason, a, HttpContext.RequestAborted), $"Đã giao {unit} trả lời.", unit: unit, reason: reason);

    [HttpPost("{id:int}/chuyen")]
    [RequirePermission("AnswerQuestions")]
    public Task<IActionResult> Transfer(int id, int target, string? reason) =>
        StepAsync(id, "transfer", (q, a) => desk.TransferAsync(q, target, reason, a, HttpContext.RequestAborted), $"Đã chuyển câu hỏi cho {catalog.FindById(target)?.DisplayName}.", reason: reason);

    [HttpPost("{id:int}/gia-han")]
    [RequirePermission("AnswerQuestions")]
    public Task<IActionResult> Extend(int id, int days, string? reason) =>
        StepAsync(id, "extend", (q, a) => desk.ExtendAsync(q, days, reason, a, HttpContext.RequestAborted), "Đã gia hạn; người hỏi được báo qua thư điện tử.", reason: reason);

    [HttpPost("{id:int}/thong-bao")]
    [RequirePermission("AnswerQuestions")]
    public Task<IActionResult> Notice(int id, string? notice) =>
        StepAsync(id, "notice", (q, a) => desk.NoticeAsync(q, notice, a, HttpContext.RequestAborted), "Đã gửi thông báo tiến độ.", notice: notice);

    [HttpPost("{id:int}/soan-tra-loi")]
    [RequirePermission("AnswerQuestions")]
    public async Task<IActionResult> DraftAnswer(int id)
    {
        var question = await desk.FindAsync(id, HttpContext.RequestAborted);
        if (question is null || !await MayOpenAsync(question))
        {
            return NotFound();
        }

        try
        {
            var itemId = await desk.DraftAnswerAsync(question, User, ContentActor.From(HttpContext), HttpContext.RequestAborted);
            return Redirect(Url.Content($"~/admin/hoi-dap/tra-loi/{Uri.EscapeDataString(itemId)}"));
        }
        catch (Exception ex) when (ex is QuestionDeskException or ContentWorkflowException)
        {
            // ContentWorkflowException: the answer's id is held by an item an editor deleted.
            TempData["Error"] = ex.Message;
            return RedirectToAction(nameof(Case), new { id });
        }
        catch (ContentForbiddenException)
        {
            return Forbid();
        }
    }

    private async Task<IActionResult> ListAsync(bool inbox, string? status, string? field, string? q, bool overdue, int page)
    {
        var filter = new CaseFilter(status, field, q is { Length: > 200 } ? q[..200] : q, overdue, Portal.Core.Navigation.Paging.Clamp(page));
        var today = VietnamTime.Today(clock);
        var (items, total) = await queries.ListAsync(filter, inbox, today, HttpContext.RequestAborted);
        return View("Index", new CaseListViewModel { Inbox = inbox, Filter = filter, Items = items, Total = total, Today = today });
    }

    private async Task<IActionResult> StepAsync(int id, string step, Func<QuestionCase, ContentActor, Task> act, string done,
        string? unit = null, string? reason = null, string? notice = null, string? mergeInto = null)
    {
        var question = await desk.FindAsync(id, HttpContext.RequestAborted);
        if (question is null || !await MayOpenAsync(question))
        {
            return NotFound();
        }

        try
        {
            await act(question, ContentActor.From(HttpContext));
        }
        catch (QuestionDeskException ex)
        {
            ModelState.AddModelError(ex.Field.Length == 0 ? step : $"{step}.{ex.Field}", ex.Message);
            // Every check comes before the step changes anything, so the case is shown as it was.
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status422UnprocessableEntity;
            return View("Case", await BuildAsync(question, step, unit, reason, notice, mergeInto));
        }

        // After commit: the other site gets the question (or the report) now; the relay job retries what fails.
        await relays.DeliverPendingAsync(HttpContext.RequestAborted);
        TempData["Message"] = done;
        return RedirectToAction(nameof(Case), new { id });
    }

    /// <summary>The board sees every case of the site; a responder only those the site holds for an answer (and what they answered).</summary>
    private async Task<bool> MayOpenAsync(QuestionCase question) =>
        await permissions.HasPermissionAsync(User, Startup.ManageQuestions.Name)
        || (await permissions.HasPermissionAsync(User, Startup.AnswerQuestions.Name)
            && question.Status is QuestionStatus.Accepted or QuestionStatus.Assigned or QuestionStatus.Answered or QuestionStatus.Published);

    private async Task<CaseViewModel> BuildAsync(QuestionCase question, string? failedStep, string? unit = null, string? reason = null, string? notice = null, string? mergeInto = null)
    {
        var history = await desk.HistoryAsync(question, HttpContext.RequestAborted);
        return new CaseViewModel
        {
            Case = question,
            History = history,
            Attachments = await desk.AttachmentsAsync(question, HttpContext.RequestAborted),
            Destinations = relays.Destinations(),
            Today = VietnamTime.Today(clock),
            MayTriage = await permissions.HasPermissionAsync(User, Startup.ManageQuestions.Name),
            MayAnswer = await permissions.HasPermissionAsync(User, Startup.AnswerQuestions.Name),
            SiteNames = history.Where(s => s.ToTenantId is not null).Select(s => s.ToTenantId!.Value)
                .Concat(question.OriginTenantId is { } o ? [o] : [])
                .Distinct().ToDictionary(t => t, t => catalog.FindById(t)?.DisplayName ?? $"#{t}"),
            FailedStep = failedStep,
            Unit = unit,
            Reason = reason,
            Notice = notice,
            MergeInto = mergeInto,
        };
    }
}
