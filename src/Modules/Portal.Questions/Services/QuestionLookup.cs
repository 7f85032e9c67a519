using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>What anyone holding a tracking code may see of a question: no name, e-mail, phone, address, staff or internal notes.</summary>
public sealed record PublicQuestionStatus(
    string TrackingCode,
    string Title,
    string Field,
    QuestionStatus Status,
    DateTime ReceivedUtc,
    DateOnly AnswerDue,
    bool DueIsProvisional,
    string? ExtensionReason,
    string? Agency,
    string? RejectionNote,
    string? AnswerPath,
    IReadOnlyList<PublicQuestionStep> History);

public sealed record PublicQuestionStep(DateTime AtUtc, string Kind, string Text, DateOnly? Due);

/// <summary>Looks a case up by its tracking code for /hoi-dap/tra-cuu and <c>GET /api/questions/{code}</c>.</summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class QuestionLookup(PortalDbContext db)
{
    public async Task<PublicQuestionStatus?> FindAsync(string? typedCode, CancellationToken cancellationToken)
    {
        var code = TrackingCodes.Normalize(typedCode);
        if (code is null)
        {
            return null;
        }

        var question = await db.Set<QuestionCase>().AsNoTracking().FirstOrDefaultAsync(q => q.TrackingCode == code, cancellationToken);
        return question is null ? null : await StatusOfAsync(question, cancellationToken);
    }

    internal async Task<PublicQuestionStatus> StatusOfAsync(QuestionCase question, CancellationToken cancellationToken)
    {
        var steps = await db.Set<QuestionStep>().AsNoTracking()
            .Where(s => s.CaseId == question.Id && s.PublicText != null)
            .OrderBy(s => s.AtUtc).ThenBy(s => s.Id)
            .Select(s => new PublicQuestionStep(s.AtUtc, s.Kind.ToString(), s.PublicText!, s.Due))
            .ToListAsync(cancellationToken);
        string? answerPath = null;
        if (question.Status == QuestionStatus.Published && question.AnswerContentItemId is { } id)
        {
            answerPath = await db.Set<PublishedQuestion>().AsNoTracking()
                .Where(p => p.ContentItemId == id).Select(p => QuestionAddresses.Answer(p.Slug)).FirstOrDefaultAsync(cancellationToken);
        }

        return new PublicQuestionStatus(
            question.TrackingCode,
            question.Title,
            question.Field,
            question.Status,
            question.ReceivedUtc,
            question.AnswerDue,
            question.DueIsProvisional,
            question.ExtensionReason,
            question.AgencyName,
            question.RejectionNote,
            answerPath,
            steps);
    }
}
