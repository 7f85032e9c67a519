using Portal.Core.Persistence;

namespace Portal.News.Models;

public enum CommentStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>A reader's comment on an article; shown only after an editor approves it.</summary>
public sealed class ArticleComment : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string ContentItemId { get; set; } = "";

    public string Title { get; set; } = "";

    public string SenderName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Content { get; set; } = "";

    public CommentStatus Status { get; set; }

    public string RemoteAddress { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
