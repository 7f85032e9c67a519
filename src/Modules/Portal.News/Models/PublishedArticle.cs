using Portal.Core.Contents;
using Portal.Core.Persistence;

namespace Portal.News.Models;

/// <summary>
/// The published projection of an article, kept in step by the content events: what the public
/// lists, category pages and home blocks read, with typed columns to filter and sort on.
/// </summary>
public sealed class PublishedArticle : PublishedContentRow
{
    public string Culture { get; set; } = "vi";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Category { get; set; } = "";

    public string FeaturedImage { get; set; } = "";

    public string FeaturedImageAlt { get; set; } = "";

    public bool Featured { get; set; }

    public DateTime PublishedUtc { get; set; }

    public long ViewCount { get; set; }
}
