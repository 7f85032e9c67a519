using Portal.Core.Contents;
using Portal.Core.Persistence;

namespace Portal.Pages.Models;

/// <summary>
/// The published version of a static page, kept in step by the content events
/// (<see cref="Services.PageProjection"/>): what /trang/{slug}, the home page and the sitemap read,
/// with the body as a column so a page view reads one row and parses no JSON.
/// </summary>
public sealed class PublishedPage : PublishedContentRow
{
    public string Culture { get; set; } = "vi";

    public string Title { get; set; } = "";

    /// <summary>Sanitized HTML of the published version.</summary>
    public string Body { get; set; } = "";

    /// <summary>When the published version was written (the page's "Cập nhật" time and the sitemap's lastmod).</summary>
    public DateTime UpdatedUtc { get; set; }
}
