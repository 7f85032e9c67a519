using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Calendar;
using Portal.Core.Contents;
using Portal.Core.Forms;
using Portal.Core.Mail;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>The outcome of a submission: the stored case, or the messages beside the fields (nothing stored).</summary>
public sealed record IntakeResult(QuestionCase? Case, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Accepted => Case is not null;
}

/// <summary>
/// Receives a citizen's question, from the form or the API: the shared rules, the attachments'
/// content checks, the working-day deadlines, the tracking code, the first step of the history and
/// the e-mail with the code, all in one transaction (the mail is an outbox row, sent after commit).
/// </summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class QuestionIntake(
    PortalDbContext db,
    TenantContext site,
    IWorkingDayCalendar calendar,
    IMailOutbox mail,
    IUploadInspector uploads,
    AttachmentStorage storage,
    TimeProvider clock)
{
    private const int ForwardWithinDays = 5;

    public const int AnswerWithinDays = 15;

    public async Task<IntakeResult> SubmitAsync(
        QuestionSubmission submission,
        IReadOnlyList<IncomingFile> files,
        QuestionSource source,
        string? apiClientId,
        ContentActor actor,
        string lookupUrl,
        CancellationToken cancellationToken)
    {
        var s = QuestionRules.Clean(submission);
        var errors = QuestionRules.Check(s).ToList();
        var accepted = new List<(IncomingFile File, UploadVerdict Verdict)>();
        if (files.Count > QuestionRules.MaxAttachments)
        {
            errors.Add(("attachments", $"Chỉ gửi được tối đa {QuestionRules.MaxAttachments} tệp đính kèm."));
        }
        else if (files.Sum(f => f.Length) > QuestionRules.MaxAttachmentBytes)
        {
            errors.Add(("attachments", $"Tổng dung lượng tệp đính kèm quá {QuestionRules.MaxAttachmentBytes / (1024 * 1024)} MB."));
        }
        else
        {
            foreach (var file in files)
            {
                var verdict = uploads.Inspect(file.FileName, file.Length, file.Content);
                if (verdict.Accepted)
                {
                    accepted.Add((file, verdict));
                }
                else
                {
                    errors.Add(("attachments", $"{SafeName(file.FileName)}: {verdict.Error}"));
                }
            }
        }

        if (errors.Count > 0)
        {
            return new IntakeResult(null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var forward = calendar.Deadline(now, ForwardWithinDays);
        var answer = calendar.Deadline(now, AnswerWithinDays);
        var question = new QuestionCase
        {
            TrackingCode = await FreshCodeAsync(cancellationToken),
            SenderName = s.SenderName!,
            Email = s.Email!,
            Phone = s.Phone ?? "",
            Address = s.Address ?? "",
            Title = s.Title!,
            Content = s.Content!,
            Field = s.Field!,
            ConsentToPublish = s.ConsentToPublish,
            ShowName = s.ShowName,
            Status = QuestionStatus.Received,
            Source = source,
            ApiClientId = apiClientId,
            ReceivedUtc = now,
            ForwardDue = forward.Due,
            AnswerDue = answer.Due,
            DueIsProvisional = forward.IsProvisional || answer.IsProvisional,
            UpdatedUtc = now,
        };

        var stored = new List<string>();
        try
        {
            await db.InTransactionAsync(async () =>
            {
                db.Add(question);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var (file, verdict) in accepted)
                {
                    var storedName = await storage.SaveAsync(site.TenantId, file.Content, verdict.Extension!, cancellationToken);
                    stored.Add(storedName);
                    db.Add(new QuestionAttachment
                    {
                        CaseId = question.Id,
                        FileName = SafeName(file.FileName),
                        ContentType = verdict.ContentType!,
                        Length = file.Length,
                        StoredName = storedName,
                    });
                }

                QuestionHistory.Add(db, question, QuestionStepKind.Received, actor, now, QuestionTexts.ReceivedText(question));
                await mail.EnqueueAsync(QuestionMail.Received(site.Tenant, question, lookupUrl), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }
        catch
        {
            foreach (var name in stored)
            {
                storage.Delete(site.TenantId, name);
            }

            throw;
        }

        return new IntakeResult(question, []);
    }

    /// <summary>A code no case of the site has; with 4·10^14 codes the loop runs once.</summary>
    private async Task<string> FreshCodeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = TrackingCodes.New();
            if (!await db.Set<QuestionCase>().AnyAsync(q => q.TrackingCode == code, cancellationToken))
            {
                return code;
            }
        }
    }

    /// <summary>The sender's file name as shown to staff: no folders, no control characters, at most 255 characters.</summary>
    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "tep-dinh-kem";
        }

        return name.Length <= 255 ? name : name[^255..];
    }
}
