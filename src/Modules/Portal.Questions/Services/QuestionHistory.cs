using Portal.Core.Contents;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>Adds one step to a case's history (not saved: the caller's unit of work saves it with the change it records).</summary>
internal static class QuestionHistory
{
    public static QuestionStep Add(
        Portal.Core.Persistence.PortalDbContext db,
        QuestionCase question,
        QuestionStepKind kind,
        ContentActor actor,
        DateTime atUtc,
        string? publicText,
        string? note = null)
    {
        if (question.Id == 0)
        {
            throw new InvalidOperationException("A case's steps are added once the case is saved (it has no id yet).");
        }

        var step = new QuestionStep
        {
            CaseId = question.Id,
            Kind = kind,
            AtUtc = atUtc,
            ActorId = Limit(actor.UserId, 100),
            ActorName = Limit(actor.UserName, 256),
            RemoteAddress = Limit(actor.RemoteAddress, 64),
            PublicText = publicText is null ? null : Limit(publicText, QuestionsModel.NoteLength),
            Note = note is null ? null : Limit(note, QuestionsModel.NoteLength),
        };

        db.Add(step);
        question.UpdatedUtc = atUtc;
        return step;
    }

    private static string Limit(string value, int max) => value.Length <= max ? value : value[..max];
}
