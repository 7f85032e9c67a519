using System.Text.Json.Serialization;

namespace Portal.News.Models;

/// <summary>The fields of a news article (docs/domain.md), stored as the content item's JSON data.</summary>
public sealed class NewsArticleFields
{
    public string Summary { get; set; } = "";

    public string Body { get; set; } = "";

    public string Category { get; set; } = "";

    public List<string> Tags { get; set; } = [];

    public string Author { get; set; } = "";

    public string Photographer { get; set; } = "";

    public string Source { get; set; } = "";

    public string FeaturedImage { get; set; } = "";

    public string FeaturedImageAlt { get; set; } = "";

    public string FeaturedImageCaption { get; set; } = "";

    public bool Featured { get; set; }

    public string RoyaltyClass { get; set; } = "";

    /// <summary>
    /// For a copy offered by a site below ("gửi tin lên cổng tỉnh"): the offering site's name. Left
    /// out of the stored JSON when empty, so every other article's data stays byte for byte as it was.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SourceSite { get; set; }

    /// <summary>For an offered copy: the original article's absolute address, the copy's canonical link.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SourceUrl { get; set; }
}
