using Portal.Core.Persistence;

namespace Portal.Questions.Models;

/// <summary>
/// One visitor's "Câu trả lời này có hữu ích không?" on one published answer. The visitor is an
/// anonymous random id from a cookie (no personal data); a unique index keeps one vote per visitor
/// and answer, so a second vote is ignored. The agency is kept as it was when the vote was cast,
/// so the board's statistics count ratings per agency even after an answer is taken down.
/// </summary>
internal sealed class QuestionRating : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string ContentItemId { get; set; } = "";

    public string VisitorId { get; set; } = "";

    public bool Useful { get; set; }

    public string Agency { get; set; } = "";

    public DateTime AtUtc { get; set; }
}
