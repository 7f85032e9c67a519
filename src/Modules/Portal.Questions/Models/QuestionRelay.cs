using Portal.Core.Persistence;

namespace Portal.Questions.Models;

/// <summary>
/// A message from one site's case to another site: a transfer (the question goes to the agency),
/// a hop reported back to the origin (forwarded on, extended, progress notice) or the answer.
/// Written by the sending site in the same transaction as the change it tells of, delivered after
/// commit into the receiving site's own unit of work (<see cref="Services.QuestionRelays"/>), so
/// no site writes another's rows and nothing is lost when a node dies in between.
/// </summary>
internal sealed class QuestionRelay : ITenantOwned
{
    public int Id { get; set; }

    /// <summary>The sending site.</summary>
    public int TenantId { get; set; }

    /// <summary>The sending site's case.</summary>
    public int CaseId { get; set; }

    public int ToTenantId { get; set; }

    public QuestionRelayKind Kind { get; set; }

    /// <summary>What the receiving site needs, as JSON (<see cref="Services.RelayPayload"/>): a snapshot, so delivery reads nothing of the sender's.</summary>
    public string Payload { get; set; } = "{}";

    public DateTime CreatedUtc { get; set; }

    public DateTime? DeliveredUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

internal enum QuestionRelayKind
{
    Transfer,
    Hop,
    Answer,
}
