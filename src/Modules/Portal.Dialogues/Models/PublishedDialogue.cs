using Portal.Core.Contents;

namespace Portal.Dialogues.Models;

/// <summary>
/// The published version of a dialogue, kept in step by the content events
/// (<see cref="Services.DialogueProjection"/>): what /doi-thoai, /doi-thoai/{slug} and the sitemap read.
/// </summary>
public sealed class PublishedDialogue : PublishedContentRow
{
    public string Title { get; set; } = "";

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    /// <summary>The published version's fields (<see cref="DialogueFields"/> as JSON): guests, description, video.</summary>
    public string Data { get; set; } = "{}";

    public DateTime UpdatedUtc { get; set; }
}
