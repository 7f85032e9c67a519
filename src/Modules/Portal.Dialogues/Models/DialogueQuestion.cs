using Portal.Core.Persistence;

namespace Portal.Dialogues.Models;

/// <summary>
/// One citizen's question to a dialogue (table <c>DialogueQuestions</c>) and, once a guest has
/// answered, the answer: the module's own row, not content, because it lives and changes minute by
/// minute during the event. Publishing gives it the dialogue's next <see cref="Sequence"/>; a live
/// page asks for the entries after the last number it has.
/// </summary>
public sealed class DialogueQuestion : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    /// <summary>The dialogue's content item id.</summary>
    public string DialogueId { get; set; } = "";

    /// <summary>The text as the public will read it (spelling corrected by the moderator).</summary>
    public string Text { get; set; } = "";

    /// <summary>The text as the citizen sent it, never changed.</summary>
    public string OriginalText { get; set; } = "";

    public string SenderName { get; set; } = "";

    /// <summary>The citizen agreed to show the name with the question.</summary>
    public bool ShowName { get; set; }

    public DialogueQuestionState State { get; set; }

    public string? RejectionReason { get; set; }

    /// <summary>For a merged duplicate: the question it was merged into.</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>The moderator's order of the queue (smaller first).</summary>
    public int SortOrder { get; set; }

    /// <summary>The guest the question was handed to (one of the dialogue's guests, by name).</summary>
    public string? GuestName { get; set; }

    /// <summary>The answer, plain text (shown encoded, line breaks kept).</summary>
    public string? AnswerText { get; set; }

    /// <summary>Who typed the answer into the portal (the signed-in person).</summary>
    public string? AnswerTypedBy { get; set; }

    /// <summary>A secretary typed the guest's spoken answer; false: the guest typed it.</summary>
    public bool TypedBySecretary { get; set; }

    /// <summary>Where in the video the answer was given, in seconds from its start.</summary>
    public int? VideoSeconds { get; set; }

    /// <summary>The dialogue's number of this public entry: 1, 2, 3, ... in publication order, dense, never reused.</summary>
    public int? Sequence { get; set; }

    public DateTime SubmittedUtc { get; set; }

    public DateTime? AnsweredUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>The name the public sees with the question, or null.</summary>
    public string? PublicName => ShowName && SenderName.Length > 0 ? SenderName : null;
}
