using System.Text.Json;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>
/// What a relay carries to the other site (<see cref="QuestionRelay.Payload"/>). A transfer carries
/// the question with the sender's contact (the answering agency must be able to reach them) and its
/// attachments; a hop carries one step of the chain; an answer carries the approved answer.
/// </summary>
internal sealed class RelayPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The site and case where the question was first received (the citizen's site).</summary>
    public int OriginTenantId { get; set; }

    public int OriginCaseId { get; set; }

    public string TrackingCode { get; set; } = "";

    /// <summary>The sending agency's name (the site or its unit).</summary>
    public string FromAgency { get; set; } = "";

    public string ActorName { get; set; } = "";

    public DateTime AtUtc { get; set; }

    public string? Reason { get; set; }

    public DateOnly? Due { get; set; }

    // Transfer
    public string SenderName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Address { get; set; } = "";

    public string Title { get; set; } = "";

    public string Content { get; set; } = "";

    public string Field { get; set; } = "";

    public bool ConsentToPublish { get; set; }

    public bool ShowName { get; set; }

    public DateTime AskedUtc { get; set; }

    public List<RelayFile> Files { get; set; } = [];

    // Hop
    public QuestionStepKind StepKind { get; set; }

    public string? PublicText { get; set; }

    public string? ToAgency { get; set; }

    public int? ToTenantId { get; set; }

    // Answer
    public string Slug { get; set; } = "";

    public string Question { get; set; } = "";

    public string Answer { get; set; } = "";

    public string Answerer { get; set; } = "";

    public DateTime AnsweredUtc { get; set; }

    public string Write() => JsonSerializer.Serialize(this, Json);

    public static RelayPayload Read(string json) => JsonSerializer.Deserialize<RelayPayload>(json, Json) ?? new();
}

/// <summary>An attachment as stored on the sending site, copied to the receiving site's folder on delivery.</summary>
internal sealed record RelayFile(int FromTenantId, string StoredName, string FileName, string ContentType, long Length);
