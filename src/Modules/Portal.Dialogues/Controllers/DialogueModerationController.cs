using Microsoft.AspNetCore.Mvc;
using Portal.Core.Contents;
using Portal.Core.Security;
using Portal.Dialogues.Models;
using Portal.Dialogues.Services;
using Portal.Dialogues.ViewModels;

namespace Portal.Dialogues.Controllers;

/// <summary>
/// The moderator's console at /admin/doi-thoai/{id}: the stage buttons and the queue of citizens'
/// questions with every moderation step (<see cref="DialogueModeration"/>). Plain server-rendered
/// pages: each step posts and comes back here (live updates come with the live page).
/// </summary>
[Area("Dialogues")]
[Route("admin/doi-thoai/{id}")]
[RequirePermission("ModerateDialogues")]
public sealed class DialogueModerationController(ContentManager contents, DialogueStages stages, DialogueModeration moderation) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string id)
    {
        var ct = HttpContext.RequestAborted;
        var item = await contents.LatestAsync(DialogueContent.ContentType, id, ct);
        var record = item is null ? null : await stages.FindAsync(id, ct);
        if (item is null || record is null)
        {
            return NotFound();
        }

        return View(new DialogueConsoleViewModel
        {
            Item = item,
            Record = record,
            Fields = DialogueContent.Read(item.Data),
            IsPublic = await contents.IsPublicAsync(DialogueContent.ContentType, id, ct),
            Questions = await moderation.QueueAsync(id, ct),
            History = await moderation.HistoryAsync(id, ct),
        });
    }

    [HttpPost("giai-doan")]
    public async Task<IActionResult> Stage(string id, string? stage)
    {
        var ct = HttpContext.RequestAborted;
        if (await contents.LatestAsync(DialogueContent.ContentType, id, ct) is null || await stages.FindAsync(id, ct) is null)
        {
            return NotFound();
        }

        if (!Enum.TryParse<DialogueStage>(stage, ignoreCase: true, out var next) || !Enum.IsDefined(next) || int.TryParse(stage, out _))
        {
            TempData["Error"] = "Giai đoạn không hợp lệ.";
        }
        else
        {
            TempData["Message"] = await stages.SetByHandAsync(id, next, ContentActor.From(HttpContext), ct)
                ? $"Đã chuyển sang giai đoạn \"{DialogueStages.Text(next)}\"."
                : $"Buổi đối thoại đang ở giai đoạn \"{DialogueStages.Text(next)}\".";
        }

        return RedirectToAction(nameof(Index), new { id });
    }

    /// <summary>One step on one question: accept, edit, merge, reject, up, down, hand, answer, publish.</summary>
    [HttpPost("cau-hoi/{questionId:int}/{step}")]
    public async Task<IActionResult> Question(string id, int questionId, string step, string? text, string? reason, int? into, string? guest, string? answer, bool secretary, string? videoAt)
    {
        var ct = HttpContext.RequestAborted;
        var item = await contents.LatestAsync(DialogueContent.ContentType, id, ct);
        if (item is null)
        {
            return NotFound();
        }

        var actor = ContentActor.From(HttpContext);
        try
        {
            switch (step)
            {
                case "accept":
                    await moderation.AcceptAsync(id, questionId, actor, ct);
                    break;
                case "edit":
                    await moderation.EditAsync(id, questionId, text, actor, ct);
                    break;
                case "merge" when into is not null:
                    await moderation.MergeAsync(id, questionId, into.Value, actor, ct);
                    break;
                case "merge":
                    throw new DialogueModerationException("Hãy nhập số của câu hỏi cần gộp vào.");
                case "reject":
                    await moderation.RejectAsync(id, questionId, reason, actor, ct);
                    break;
                case "up" or "down":
                    await moderation.MoveAsync(id, questionId, step == "up", actor, ct);
                    break;
                case "hand":
                    await moderation.HandAsync(id, questionId, guest, DialogueContent.Read(item.Data).Guests, actor, ct);
                    break;
                case "answer":
                    var seconds = DialogueVideo.Parse(videoAt);
                    if (!string.IsNullOrWhiteSpace(videoAt) && seconds is null)
                    {
                        throw new DialogueModerationException("Thời điểm trong video phải có dạng giờ:phút:giây hoặc phút:giây (ví dụ 12:05).");
                    }

                    await moderation.AnswerAsync(id, questionId, answer, secretary, seconds, actor, ct);
                    break;
                case "publish":
                    var sequence = await moderation.PublishAsync(id, questionId, actor, ct);
                    TempData["Message"] = $"Đã công bố câu trả lời (số {sequence}).";
                    return Redirect(Url.Action(nameof(Index), new { id }) + $"#q{questionId}");
                default:
                    return NotFound();
            }

            TempData["Message"] = "Đã cập nhật câu hỏi.";
        }
        catch (DialogueModerationException ex)
        {
            TempData["Error"] = ex.Message;
        }

        return Redirect(Url.Action(nameof(Index), new { id }) + $"#q{questionId}");
    }
}
