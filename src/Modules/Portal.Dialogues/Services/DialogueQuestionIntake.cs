using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Dialogues.Models;

namespace Portal.Dialogues.Services;

public sealed record DialogueSubmitResult(DialogueQuestion? Question, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Accepted => Question is not null;
}

/// <summary>
/// The one door for a citizen's question to a dialogue: the rules, the window (before the event
/// until its closing time, and while it is live), the row and its first history step, in one save.
/// The form adds the anti-bot challenge and the rate limit in front of it.
/// </summary>
public sealed class DialogueQuestionIntake(PortalDbContext db, TimeProvider clock)
{
    public const string ClosedMessage = "Buổi đối thoại đã hết thời gian nhận câu hỏi.";

    /// <summary>Whether the dialogue takes questions now.</summary>
    public static bool IsOpen(Dialogue dialogue, DateTime now) =>
        dialogue.Stage == DialogueStage.Live || (dialogue.Stage == DialogueStage.Upcoming && now < dialogue.QuestionsUntilUtc);

    public async Task<DialogueSubmitResult> SubmitAsync(Dialogue dialogue, DialogueQuestionSubmission submission, ContentActor actor, CancellationToken cancellationToken)
    {
        var clean = DialogueQuestionRules.Clean(submission);
        var errors = DialogueQuestionRules.Check(clean).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!IsOpen(dialogue, now))
        {
            errors.Insert(0, ("", ClosedMessage));
        }

        if (errors.Count > 0)
        {
            return new DialogueSubmitResult(null, errors);
        }

        var question = new DialogueQuestion
        {
            DialogueId = dialogue.ContentItemId,
            Text = clean.Text!,
            OriginalText = clean.Text!,
            SenderName = clean.SenderName ?? "",
            ShowName = clean.ShowName && clean.SenderName is not null,
            State = DialogueQuestionState.Submitted,
            SubmittedUtc = now,
            UpdatedUtc = now,
        };
        db.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(DialogueHistory.Entry(question, DialogueHistoryKind.Submitted, new ContentActor("", "Người gửi câu hỏi", actor.RemoteAddress), now));
        await db.SaveChangesAsync(cancellationToken);
        return new DialogueSubmitResult(question, []);
    }
}

/// <summary>History rows, written the same way by every step.</summary>
internal static class DialogueHistory
{
    public static DialogueHistoryEntry Entry(DialogueQuestion question, DialogueHistoryKind kind, ContentActor actor, DateTime at, string? before = null, string? after = null, string? note = null) => new()
    {
        DialogueId = question.DialogueId,
        QuestionId = question.Id,
        Kind = kind,
        ActorId = Limit(actor.UserId, 100),
        ActorName = Limit(actor.UserName, DialoguesModel.UserLength),
        RemoteAddress = Limit(actor.RemoteAddress, 64),
        AtUtc = at,
        Before = before,
        After = after,
        Note = note is null ? null : Limit(note, DialoguesModel.ReasonLength),
    };

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];
}
