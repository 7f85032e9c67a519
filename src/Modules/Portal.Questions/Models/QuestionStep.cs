using Portal.Core.Persistence;

namespace Portal.Questions.Models;

/// <summary>
/// One step of a question's history on one site: the audit (who, when, from where, why) and the
/// chain of custody (a transfer's receiving agency and that hop's own deadline). The sender sees
/// <see cref="PublicText"/> only, never the people or the internal note.
/// </summary>
public sealed class QuestionStep : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public int CaseId { get; set; }

    public QuestionStepKind Kind { get; set; }

    public DateTime AtUtc { get; set; }

    public string ActorId { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string RemoteAddress { get; set; } = "";

    /// <summary>What /hoi-dap/tra-cuu and the API show for this step; null for internal steps.</summary>
    public string? PublicText { get; set; }

    /// <summary>The reason or note written by the person (internal).</summary>
    public string? Note { get; set; }

    /// <summary>For an assignment or transfer: the receiving agency's name.</summary>
    public string? ToAgency { get; set; }

    /// <summary>For a transfer to another site: that site's id.</summary>
    public int? ToTenantId { get; set; }

    /// <summary>This hop's own deadline (assignment, transfer, extension).</summary>
    public DateOnly? Due { get; set; }

    /// <summary>The relay from another site this step was written for (<see cref="QuestionRelay"/>), so a relay delivered twice writes once.</summary>
    public int? RelayId { get; set; }
}

public enum QuestionStepKind
{
    Received,
    Accepted,
    Rejected,
    Merged,
    Assigned,
    Transferred,
    TransferReceived,
    Extended,
    ProgressNotice,
    AnswerDrafted,
    Answered,
    Published,
    Unpublished,
    Reminded,
    Note,
}
