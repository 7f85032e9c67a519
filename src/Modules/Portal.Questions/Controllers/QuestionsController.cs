using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Contents;
using Portal.Core.Forms.Challenge;
using Portal.Core.Hosting;
using Portal.Questions.Models;
using Portal.Questions.Services;
using Portal.Questions.ViewModels;

namespace Portal.Questions.Controllers;

/// <summary>The public form /hoi-dap/gui-cau-hoi and the lookup by tracking code /hoi-dap/tra-cuu (never cached: both are per person).</summary>
[Area("Questions")]
public sealed class QuestionsController(QuestionIntake intake, QuestionLookup lookup) : Controller
{
    private const string SentCodeKey = "QuestionCode";

    /// <summary>The largest form post: the attachments' total plus room for the text fields and the multipart envelope.</summary>
    private const long MaxRequestBytes = QuestionRules.MaxAttachmentBytes + (1024 * 1024);

    [HttpGet("hoi-dap/gui-cau-hoi")]
    public IActionResult Submit() => View(new QuestionFormModel());

    [HttpPost("hoi-dap/gui-cau-hoi")]
    [EnableRateLimiting(Startup.SubmitRateLimit)]
    [RequireFormChallenge(QuestionApiChallengeGate.Purpose)]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Submit(QuestionFormModel form)
    {
        // Model binding's own messages (a value that is not a boolean) are replaced by the rules' ones.
        foreach (var key in ModelState.Keys.Where(k => k != FormChallenge.ModelStateKey).ToList())
        {
            ModelState.Remove(key);
        }

        var challengeFailed = ModelState.ContainsKey(FormChallenge.ModelStateKey);
        var files = new List<IncomingFile>();
        try
        {
            foreach (var upload in form.Attachments.Where(f => f.Length > 0).Take(QuestionRules.MaxAttachments + 1))
            {
                var copy = new MemoryStream();
                await using (var source = upload.OpenReadStream())
                {
                    await source.CopyToAsync(copy, HttpContext.RequestAborted);
                }

                files.Add(new IncomingFile(upload.FileName, copy.Length, copy));
            }

            if (challengeFailed)
            {
                // Check the fields anyway, so a citizen whose challenge failed fixes everything at once.
                foreach (var (field, message) in QuestionRules.Check(QuestionRules.Clean(form.ToSubmission())))
                {
                    ModelState.AddModelError(QuestionFormModel.PropertyOf(field), message);
                }

                return View(form);
            }

            var result = await intake.SubmitAsync(
                form.ToSubmission(), files, QuestionSource.Form, null, ContentActor.From(HttpContext),
                SiteUrls.Base(HttpContext) + QuestionAddresses.Lookup[1..], HttpContext.RequestAborted);
            if (!result.Accepted)
            {
                foreach (var (field, message) in result.Errors)
                {
                    ModelState.AddModelError(QuestionFormModel.PropertyOf(field), message);
                }

                return View(form);
            }

            TempData[SentCodeKey] = result.Case!.TrackingCode;
            return RedirectToAction(nameof(Sent));
        }
        finally
        {
            foreach (var file in files)
            {
                await file.Content.DisposeAsync();
            }
        }
    }

    /// <summary>After a submission: the tracking code on screen (carried once, not in the address, so it stays out of logs and history).</summary>
    [HttpGet("hoi-dap/gui-cau-hoi/da-gui")]
    public IActionResult Sent() =>
        TempData[SentCodeKey] is string code ? View(model: code) : Redirect(Url.Content(QuestionAddresses.Submit));

    [HttpGet("hoi-dap/tra-cuu")]
    [EnableRateLimiting(Startup.LookupRateLimit)]
    public async Task<IActionResult> Lookup(string? ma)
    {
        if (string.IsNullOrWhiteSpace(ma))
        {
            return View(new QuestionLookupViewModel());
        }

        var status = await lookup.FindAsync(ma, HttpContext.RequestAborted);
        return View(new QuestionLookupViewModel { Code = ma.Length > 40 ? ma[..40] : ma, Status = status, NotFound = status is null });
    }
}
