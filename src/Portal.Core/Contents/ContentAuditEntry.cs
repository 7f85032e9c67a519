using Portal.Core.Persistence;

namespace Portal.Core.Contents;

/// <summary>Who did what to a content item, when and from where: every state change leaves one.</summary>
public sealed class ContentAuditEntry : ITenantOwned
{
    public long Id { get; set; }

    public int TenantId { get; set; }

    public string ContentItemId { get; set; } = "";

    public int Version { get; set; }

    public string Action { get; set; } = "";

    public ContentState? FromState { get; set; }

    public ContentState? ToState { get; set; }

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public string RemoteAddress { get; set; } = "";

    /// <summary>Required for a publish that skipped review.</summary>
    public string? Reason { get; set; }

    public DateTime Utc { get; set; }
}
