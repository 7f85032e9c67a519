using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Contents;
using Portal.Core.Forms.Challenge;
using Portal.Core.Navigation;
using Portal.Dialogues.Services;
using Portal.Dialogues.ViewModels;

namespace Portal.Dialogues.Controllers;

/// <summary>
/// The public pages: /doi-thoai (upcoming, live, then the archive) and /doi-thoai/{slug}, the
/// event's page with the citizens' question form while questions are taken and the published
/// questions and answers in order (a transcript once it has ended). Not output-cached: the stage
/// and the entries are the module's rows, which the content events do not evict, and the form's
/// ticket is per visitor.
/// </summary>
[Area("Dialogues")]
public sealed class DialoguesController(DialogueQueries queries, DialogueQuestionIntake intake, TimeProvider clock) : Controller
{
    public const string ChallengePurpose = "dialogues";

    private const int PageSize = 10;

    private const string SentKey = "DialogueQuestionSent";

    [HttpGet("doi-thoai")]
    public async Task<IActionResult> Index(int page = 1)
    {
        page = Paging.Clamp(page);
        var (items, total) = await queries.ListAsync(page, PageSize, HttpContext.RequestAborted);
        return View(new DialogueListViewModel { Items = items, Total = total, Page = page, PageCount = Math.Max(1, (total + PageSize - 1) / PageSize) });
    }

    [HttpGet("doi-thoai/{slug}")]
    public async Task<IActionResult> Dialogue(string slug) =>
        await ShowAsync(slug, new DialogueQuestionFormModel(), TempData[SentKey] as string);

    /// <summary>A reload of the address the form posted to: back to the page.</summary>
    [HttpGet("doi-thoai/{slug}/gui-cau-hoi")]
    public IActionResult AskPage(string slug) => Redirect(Url.Content(DialogueAddresses.Dialogue(slug)) + "#gui-cau-hoi");

    [HttpPost("doi-thoai/{slug}/gui-cau-hoi")]
    [EnableRateLimiting(Startup.AskRateLimit)]
    [RequireFormChallenge(ChallengePurpose)]
    [RequestSizeLimit(256 * 1024)]
    public async Task<IActionResult> Ask(string slug, DialogueQuestionFormModel form)
    {
        // Model binding's own messages (a value that is not a boolean) are replaced by the rules' ones.
        foreach (var key in ModelState.Keys.Where(k => k != FormChallenge.ModelStateKey).ToList())
        {
            ModelState.Remove(key);
        }

        var dialogue = await queries.FindAsync(slug, HttpContext.RequestAborted);
        if (dialogue is null)
        {
            return NotFound();
        }

        if (ModelState.ContainsKey(FormChallenge.ModelStateKey))
        {
            // The fields are checked anyway, so the citizen fixes everything at once.
            foreach (var (field, message) in DialogueQuestionRules.Check(DialogueQuestionRules.Clean(form.ToSubmission())))
            {
                ModelState.AddModelError(field, message);
            }

            return await ShowAsync(slug, form, null);
        }

        var result = await intake.SubmitAsync(dialogue.Record, form.ToSubmission(), ContentActor.From(HttpContext), HttpContext.RequestAborted);
        if (!result.Accepted)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }

            return await ShowAsync(slug, form, null);
        }

        TempData[SentKey] = "Câu hỏi của ông/bà đã được gửi đến Ban tổ chức. Câu hỏi được công bố cùng câu trả lời của khách mời sau khi được tiếp nhận.";
        return Redirect(Url.Content(DialogueAddresses.Dialogue(slug)) + "#gui-cau-hoi");
    }

    private async Task<IActionResult> ShowAsync(string slug, DialogueQuestionFormModel form, string? sent)
    {
        var ct = HttpContext.RequestAborted;
        var dialogue = await queries.FindAsync(slug, ct);
        if (dialogue is null)
        {
            return NotFound();
        }

        return View("Dialogue", new DialoguePageViewModel
        {
            Dialogue = dialogue,
            Fields = DialogueContent.Read(dialogue.Published.Data),
            Entries = await queries.PublishedAfterAsync(dialogue.Published.ContentItemId, 0, ct),
            Open = DialogueQuestionIntake.IsOpen(dialogue.Record, clock.GetUtcNow().UtcDateTime),
            Form = form,
            Sent = sent,
        });
    }
}
