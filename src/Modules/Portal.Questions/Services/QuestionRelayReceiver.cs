using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Mail;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>
/// The receiving side of a relay, run in the receiving site's own scope: each relay becomes this
/// site's own rows (a case, a step, an answer item) in one transaction, marked with the relay's id
/// so that a relay delivered twice is applied once.
/// </summary>
// Public only because MVC controllers, which must be public, take services that take it.
public sealed class QuestionRelayReceiver(
    PortalDbContext db,
    TenantContext site,
    TenantCatalog catalog,
    ContentManager contents,
    AnswerWriter answers,
    AttachmentStorage files,
    IMailOutbox mail)
{
    internal Task ReceiveAsync(int relayId, int fromTenantId, QuestionRelayKind kind, RelayPayload p, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            if (await db.Set<QuestionStep>().AnyAsync(s => s.RelayId == relayId, cancellationToken))
            {
                return false;
            }

            var from = catalog.FindById(fromTenantId)?.DisplayName ?? p.FromAgency;
            var actor = new ContentActor("", $"{p.ActorName} ({from})", "");
            switch (kind)
            {
                case QuestionRelayKind.Transfer:
                    await TransferAsync(relayId, fromTenantId, from, actor, p, cancellationToken);
                    break;
                case QuestionRelayKind.Hop:
                    await HopAsync(relayId, actor, p, cancellationToken);
                    break;
                case QuestionRelayKind.Answer:
                    await AnswerAsync(relayId, actor, p, cancellationToken);
                    break;
            }

            return true;
        }, cancellationToken);

    /// <summary>A question forwarded here: a new case held by this site, or a case it already had (sent back) opened again.</summary>
    private async Task TransferAsync(int relayId, int fromTenantId, string from, ContentActor actor, RelayPayload p, CancellationToken cancellationToken)
    {
        var question = await db.Set<QuestionCase>().FirstOrDefaultAsync(q => q.TrackingCode == p.TrackingCode, cancellationToken);
        if (question is null)
        {
            question = new QuestionCase
            {
                TrackingCode = p.TrackingCode,
                SenderName = p.SenderName,
                Email = p.Email,
                Phone = p.Phone,
                Address = p.Address,
                Title = p.Title,
                Content = p.Content,
                Field = p.Field,
                ConsentToPublish = p.ConsentToPublish,
                ShowName = p.ShowName,
                Source = QuestionSource.Transfer,
                OriginTenantId = p.OriginTenantId,
                OriginCaseId = p.OriginCaseId,
                ReceivedUtc = p.AtUtc,
                ForwardDue = p.Due ?? DateOnly.FromDateTime(p.AtUtc),
            };
            db.Add(question);
        }

        question.Status = QuestionStatus.Accepted;
        question.AssignedTenantId = null;
        question.AssignedUnit = null;
        question.AgencyName = site.Tenant.DisplayName;
        question.AnswerDue = p.Due ?? question.AnswerDue;
        question.UpdatedUtc = p.AtUtc;
        await db.SaveChangesAsync(cancellationToken);

        foreach (var file in p.Files)
        {
            await using var content = files.Open(file.FromTenantId, file.StoredName);
            if (content is null)
            {
                continue;
            }

            var storedName = await files.SaveAsync(site.TenantId, content, Path.GetExtension(file.StoredName), cancellationToken);
            db.Add(new QuestionAttachment { CaseId = question.Id, FileName = file.FileName, ContentType = file.ContentType, Length = file.Length, StoredName = storedName });
        }

        var step = QuestionHistory.Add(db, question, QuestionStepKind.TransferReceived, actor, p.AtUtc, null, $"Nhận từ {from}: {p.Reason}");
        step.Due = p.Due;
        step.RelayId = relayId;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A step taken by the agency holding the question, written into the citizen's site's chain.</summary>
    private async Task HopAsync(int relayId, ContentActor actor, RelayPayload p, CancellationToken cancellationToken)
    {
        var question = await db.Set<QuestionCase>().FirstOrDefaultAsync(q => q.Id == p.OriginCaseId, cancellationToken)
            ?? throw new InvalidOperationException($"case {p.OriginCaseId} is not on site {site.TenantId}");
        var step = QuestionHistory.Add(db, question, p.StepKind, actor, p.AtUtc, p.PublicText, p.Reason);
        step.RelayId = relayId;
        step.Due = p.Due;
        step.ToAgency = p.ToAgency;
        step.ToTenantId = p.ToTenantId;
        switch (p.StepKind)
        {
            case QuestionStepKind.Transferred when p.ToTenantId is { } to:
                question.AssignedTenantId = to;
                question.AgencyName = p.ToAgency;
                if (p.Due is { } hopDue && hopDue > question.AnswerDue)
                {
                    question.AnswerDue = hopDue;
                }

                break;
            case QuestionStepKind.Extended when p.Due is { } extended:
                question.AnswerDue = extended;
                question.ExtensionReason = p.Reason;
                await mail.EnqueueAsync(QuestionMail.Extended(site.Tenant, question), cancellationToken);
                break;
            case QuestionStepKind.ProgressNotice:
                await mail.EnqueueAsync(QuestionMail.Notice(site.Tenant, question, p.FromAgency, p.PublicText ?? ""), cancellationToken);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The answer of the agency that held the question: published here, on the citizen's site, as
    /// this site's own item (listed when the sender consented). Its publication is what moves the
    /// case and mails the sender (<see cref="QuestionAnswerEvents"/>), as for an answer written here.
    /// </summary>
    private async Task AnswerAsync(int relayId, ContentActor actor, RelayPayload p, CancellationToken cancellationToken)
    {
        var question = await db.Set<QuestionCase>().FirstOrDefaultAsync(q => q.Id == p.OriginCaseId, cancellationToken)
            ?? throw new InvalidOperationException($"case {p.OriginCaseId} is not on site {site.TenantId}");
        var id = QuestionContent.ItemIdFor(question.Id);
        question.AnswerContentItemId = id;
        question.AgencyName = p.FromAgency;
        var marker = QuestionHistory.Add(db, question, QuestionStepKind.Note, actor, p.AtUtc, null, $"Nhận câu trả lời của {p.FromAgency}.");
        marker.RelayId = relayId;
        await db.SaveChangesAsync(cancellationToken);

        var fields = new AnswerFields
        {
            Question = p.Question,
            Field = question.Field,
            Agency = p.FromAgency,
            Answer = p.Answer,
            Answerer = p.Answerer,
            SenderName = question.ShowName ? question.SenderName : null,
            AskedUtc = question.ReceivedUtc,
            AnsweredUtc = p.AnsweredUtc,
            Listed = question.ConsentToPublish,
        };
        var slug = await AnswerSlugs.FreeAsync(db, p.Slug, id, cancellationToken);
        await contents.UpsertAsync(
            new ContentUpsert(QuestionContent.ContentType, id, answers.Draft(p.Title, slug, fields), true, actor) { Reason = $"câu trả lời của {p.FromAgency}" },
            cancellationToken);
    }
}
