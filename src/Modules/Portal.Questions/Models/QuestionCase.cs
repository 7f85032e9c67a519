using Portal.Core.Persistence;

namespace Portal.Questions.Models;

/// <summary>
/// One citizen's question on one site: what they sent (with the personal data, which never leaves
/// the admin), where it stands and its deadlines. A question forwarded to another site has a case
/// there too, pointing back at the origin's case (<see cref="OriginTenantId"/>,
/// <see cref="OriginCaseId"/>): each site keeps its own rows and its own chain of steps.
/// </summary>
public sealed class QuestionCase : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    /// <summary>What the sender types at /hoi-dap/tra-cuu; the same on every site the question visits.</summary>
    public string TrackingCode { get; set; } = "";

    public string SenderName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Address { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The question as the sender wrote it: plain text, shown encoded.</summary>
    public string Content { get; set; } = "";

    /// <summary>The field's slug (<see cref="Services.QuestionFields"/>).</summary>
    public string Field { get; set; } = "";

    /// <summary>The sender agreed that the question and its answer may be published.</summary>
    public bool ConsentToPublish { get; set; }

    /// <summary>The sender agreed that their name is shown with the published answer.</summary>
    public bool ShowName { get; set; }

    public QuestionStatus Status { get; set; }

    public QuestionSource Source { get; set; }

    /// <summary>The API client that submitted it (its client id), for <c>GET /api/questions</c>.</summary>
    public string? ApiClientId { get; set; }

    public DateTime ReceivedUtc { get; set; }

    /// <summary>The last day to forward it to the competent agency (5 working days after receipt).</summary>
    public DateOnly ForwardDue { get; set; }

    /// <summary>The last day to answer or send a progress notice (15 working days; an extension moves it).</summary>
    public DateOnly AnswerDue { get; set; }

    /// <summary>True when a year the deadlines run through had no holiday data yet.</summary>
    public bool DueIsProvisional { get; set; }

    /// <summary>The reason of the last extension, shown publicly beside the new deadline.</summary>
    public string? ExtensionReason { get; set; }

    /// <summary>The agency answering now: a unit inside this site (free text) when no other site holds it.</summary>
    public string? AssignedUnit { get; set; }

    /// <summary>The site the question was forwarded to, when another site answers it.</summary>
    public int? AssignedTenantId { get; set; }

    /// <summary>The agency's name as shown to the public ("Sở Xây dựng", "UBND xã Hồng Hà", or the unit).</summary>
    public string? AgencyName { get; set; }

    /// <summary>For a case received by transfer: the site that received the question first.</summary>
    public int? OriginTenantId { get; set; }

    /// <summary>For a case received by transfer: the origin site's case id.</summary>
    public int? OriginCaseId { get; set; }

    public QuestionRejection? Rejection { get; set; }

    /// <summary>What the sender reads about the rejection.</summary>
    public string? RejectionNote { get; set; }

    /// <summary>The earlier question this one was merged into (same site).</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>The answer's content item (type <c>question</c>) on this site, once drafted.</summary>
    public string? AnswerContentItemId { get; set; }

    public DateTime? AnsweredUtc { get; set; }

    /// <summary>The deadline a reminder was last sent for, so each deadline is reminded once.</summary>
    public DateOnly? RemindedFor { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Whether the case is still with this site for an answer.</summary>
    public bool IsOpen => Status is QuestionStatus.Received or QuestionStatus.Accepted or QuestionStatus.Assigned;
}
