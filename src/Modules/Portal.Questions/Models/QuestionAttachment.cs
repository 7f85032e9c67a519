using Portal.Core.Persistence;

namespace Portal.Questions.Models;

/// <summary>
/// A file the sender attached, checked by content like the media library's uploads. It is personal
/// data: kept under the data path outside the public media, shown to the site's staff only.
/// </summary>
public sealed class QuestionAttachment : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public int CaseId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    /// <summary>The stored file's name under the site's attachment folder (random, never the sender's name).</summary>
    public string StoredName { get; set; } = "";
}
