using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Security;
using Portal.Questions.Models;
using Portal.Questions.Services;
using Portal.Questions.ViewModels;

namespace Portal.Questions.Controllers;

/// <summary>
/// The answer desk at /admin/hoi-dap/tra-loi/{id}: the answer to one question, drafted, submitted,
/// approved and published through the kernel's workflow (<see cref="ContentDeskController"/>); the
/// list of answers is the shared Contents admin's. Publishing is what sends the answer to the
/// sender, or back to the citizen's site when the question came from another site.
/// </summary>
[Area("Questions")]
[Route("admin/hoi-dap/tra-loi")]
[RequirePermission("AnswerQuestions")]
public sealed class AnswersAdminController(ContentManager contents, AnswerWriter writer, QuestionRelays relays, PortalDbContext db, TimeProvider clock) : ContentDeskController(contents)
{
    protected override string ContentType => QuestionContent.ContentType;

    protected override string ItemNoun => "câu trả lời";

    /// <summary>After a step commits, a relayed answer goes to the citizen's site at once (the relay job retries what fails).</summary>
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        if (HttpMethods.IsPost(Request.Method) && executed.Exception is null)
        {
            await relays.DeliverPendingAsync(HttpContext.RequestAborted);
        }
    }

    [HttpGet("{id}")]
    public Task<IActionResult> Edit(string id) => EditFormAsync(id, ToModel, async (model, item) =>
    {
        model.Case = await CaseOfAsync(item.ContentItemId);
        return View(model);
    });

    [HttpPost("{id}")]
    public Task<IActionResult> Edit(string id, AnswerEditViewModel model) =>
        SaveFromFormAsync(id, model, async item =>
        {
            model.Case = await CaseOfAsync(item.ContentItemId);
            return Validate(model, item);
        }, _ => Task.FromResult<IActionResult>(View(model)), nameof(model.Answer));

    /// <summary>Puts each message beside its field; the draft to save, or null.</summary>
    private ContentDraft? Validate(AnswerEditViewModel model, ContentItem item)
    {
        var title = model.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            ModelState.AddModelError(nameof(model.Title), "Hãy nhập tiêu đề câu hỏi (được công khai).");
        }
        else if (title.Length > QuestionsModel.TitleLength)
        {
            ModelState.AddModelError(nameof(model.Title), $"Tiêu đề dài quá {QuestionsModel.TitleLength} ký tự.");
        }

        if (string.IsNullOrWhiteSpace(model.Question))
        {
            ModelState.AddModelError(nameof(model.Question), "Hãy nhập câu hỏi như sẽ công khai (có thể lược bớt thông tin cá nhân).");
        }
        else if (model.Question.Length > QuestionsModel.ContentLength)
        {
            ModelState.AddModelError(nameof(model.Question), $"Câu hỏi dài quá {QuestionsModel.ContentLength} ký tự.");
        }

        if (string.IsNullOrWhiteSpace(Portal.Core.Html.PlainText.FromHtml(model.Answer)))
        {
            ModelState.AddModelError(nameof(model.Answer), "Hãy nhập câu trả lời.");
        }

        if (string.IsNullOrWhiteSpace(model.Answerer) || model.Answerer.Length > QuestionsModel.AgencyLength)
        {
            ModelState.AddModelError(nameof(model.Answerer), $"Hãy ghi người hoặc đơn vị ký trả lời (tối đa {QuestionsModel.AgencyLength} ký tự).");
        }

        if (model.Agency?.Length > QuestionsModel.AgencyLength)
        {
            ModelState.AddModelError(nameof(model.Agency), $"Tên cơ quan dài quá {QuestionsModel.AgencyLength} ký tự.");
        }

        if (model.Listed && model.Case is { ConsentToPublish: false })
        {
            ModelState.AddModelError(nameof(model.Listed), "Người hỏi không đồng ý công khai: câu trả lời chỉ được gửi cho người hỏi.");
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var stored = QuestionContent.Read(item.Data);
        stored.Question = model.Question!.Trim();
        stored.Answer = model.Answer!;
        stored.Answerer = model.Answerer!.Trim();
        stored.Agency = model.Agency?.Trim() ?? stored.Agency;
        stored.Listed = model.Listed;
        stored.AnsweredUtc = clock.GetUtcNow().UtcDateTime;
        return writer.Draft(title!, item.Slug, stored, item.Culture);
    }

    private Task<QuestionCase?> CaseOfAsync(string contentItemId) =>
        db.Set<QuestionCase>().AsNoTracking().FirstOrDefaultAsync(q => q.AnswerContentItemId == contentItemId, HttpContext.RequestAborted);

    private static AnswerEditViewModel ToModel(ContentItem item)
    {
        var f = QuestionContent.Read(item.Data);
        return new AnswerEditViewModel
        {
            Title = item.Title,
            Question = f.Question,
            Answer = f.Answer,
            Answerer = f.Answerer,
            Agency = f.Agency,
            Listed = f.Listed,
        };
    }
}
