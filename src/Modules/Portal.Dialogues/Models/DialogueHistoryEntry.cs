using Portal.Core.Persistence;

namespace Portal.Dialogues.Models;

public enum DialogueHistoryKind
{
    Submitted = 0,
    Accepted = 1,
    Edited = 2,
    Merged = 3,
    Rejected = 4,
    Reordered = 5,
    Handed = 6,
    Answered = 7,
    Published = 8,
    StageChanged = 9,
}

/// <summary>
/// The audit of a dialogue (table <c>DialogueHistory</c>): every moderation step on a question and
/// every stage change, with who, when, from where, and for an edit the text before and after.
/// </summary>
public sealed class DialogueHistoryEntry : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string DialogueId { get; set; } = "";

    /// <summary>The question concerned; null for a stage change.</summary>
    public int? QuestionId { get; set; }

    public DialogueHistoryKind Kind { get; set; }

    public string ActorId { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string RemoteAddress { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? Note { get; set; }
}
