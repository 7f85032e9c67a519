using Portal.Core.Persistence;

namespace Portal.Core.Contents;

/// <summary>
/// One row per item of a site in the syndication feed (<c>GET /api/content/{type}</c>): where the
/// item last changed publicly in the site's sequence, and whether it is now gone (a tombstone).
/// Written by <see cref="ContentFeed"/> inside the change's own transaction, so a feed never shows a
/// change that rolled back or misses one that committed.
/// </summary>
public sealed class ContentFeedEntry : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string ContentType { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    public string Culture { get; set; } = "vi";

    /// <summary>The site's change sequence: every publish, update of the public version or take-down gets the next number.</summary>
    public long Seq { get; set; }

    /// <summary>Unpublished, archived or deleted since it was last public.</summary>
    public bool Removed { get; set; }

    public DateTime ChangedUtc { get; set; }
}
