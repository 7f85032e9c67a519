using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Mail;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>
/// Moves a case when its answer item is published or taken down, whoever did it (the answer desk,
/// the shared Contents admin, a schedule, a relayed answer): inside the same transaction, so the
/// case, its history and the sender's e-mail (an outbox row) commit with the publication. On the
/// citizen's site the sender is told; on an agency's site that received the question the answer
/// is relayed back to the citizen's site instead.
/// </summary>
internal sealed class QuestionAnswerEvents(
    PortalDbContext db,
    TenantContext site,
    IMailOutbox mail,
    QuestionRelays relays,
    TimeProvider clock) : IContentEventHandler
{
    public IReadOnlyCollection<string> ContentTypes => [QuestionContent.ContentType];

    public string? FeatureId => QuestionContent.FeatureId;

    public async Task PublishedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var question = await db.Set<QuestionCase>().FirstOrDefaultAsync(q => q.AnswerContentItemId == version.ContentItemId, cancellationToken);
        if (question is null || question.Status is QuestionStatus.Rejected or QuestionStatus.Merged)
        {
            return;
        }

        var fields = QuestionContent.Read(version.Data);
        var now = clock.GetUtcNow().UtcDateTime;
        var first = question.AnsweredUtc is null;
        var listed = fields.Listed && question.ConsentToPublish;
        question.AnsweredUtc ??= now;
        question.AgencyName = fields.Agency.Length > 0 ? fields.Agency : question.AgencyName;
        question.Status = listed ? QuestionStatus.Published : QuestionStatus.Answered;
        var actor = new ContentActor(version.AuthorId ?? "", fields.Answerer, "");
        QuestionHistory.Add(db, question, listed ? QuestionStepKind.Published : QuestionStepKind.Answered, actor, now,
            first ? $"{question.AgencyName} đã trả lời{(listed ? "; câu trả lời được công khai" : "")}." : (listed ? "Câu trả lời được cập nhật." : null));

        if (question.OriginTenantId is { } origin && question.OriginCaseId is { } originCase)
        {
            if (first)
            {
                relays.Enqueue(question, origin, QuestionRelayKind.Answer, new RelayPayload
                {
                    OriginTenantId = origin,
                    OriginCaseId = originCase,
                    TrackingCode = question.TrackingCode,
                    FromAgency = question.AgencyName ?? site.Tenant.DisplayName,
                    ActorName = fields.Answerer,
                    AtUtc = now,
                    Title = version.Title,
                    Slug = version.Slug,
                    Question = fields.Question,
                    Answer = fields.Answer,
                    Answerer = fields.Answerer,
                    AnsweredUtc = fields.AnsweredUtc == default ? now : fields.AnsweredUtc,
                });
            }
        }
        else if (first)
        {
            var text = PlainText.FromHtml(fields.Answer);
            await mail.EnqueueAsync(QuestionMail.Answered(site.Tenant, question, question.AgencyName ?? site.Tenant.DisplayName, text, null), cancellationToken);
            await AnswerMergedAsync(question, text, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var question = await db.Set<QuestionCase>().FirstOrDefaultAsync(q => q.AnswerContentItemId == item.ContentItemId, cancellationToken);
        if (question is { Status: QuestionStatus.Published })
        {
            question.Status = QuestionStatus.Answered;
            QuestionHistory.Add(db, question, QuestionStepKind.Unpublished, ContentActor.System, clock.GetUtcNow().UtcDateTime, null, "Câu trả lời được gỡ khỏi trang công khai.");
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The questions merged into this one get the same answer, each sender by their own e-mail.</summary>
    private async Task AnswerMergedAsync(QuestionCase question, string text, DateTime now, CancellationToken cancellationToken)
    {
        var merged = await db.Set<QuestionCase>().Where(q => q.MergedIntoId == question.Id).ToListAsync(cancellationToken);
        foreach (var other in merged)
        {
            other.AnsweredUtc ??= now;
            other.AgencyName = question.AgencyName;
            QuestionHistory.Add(db, other, QuestionStepKind.Answered, ContentActor.System, now, $"{question.AgencyName} đã trả lời câu hỏi chung (câu hỏi của ông/bà đã được gộp vào).");
            await mail.EnqueueAsync(QuestionMail.Answered(site.Tenant, other, question.AgencyName ?? site.Tenant.DisplayName, text, null), cancellationToken);
        }
    }
}
