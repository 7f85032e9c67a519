namespace Portal.Dialogues.Models;

/// <summary>
/// The fields of a dialogue that are not the content item's own (the topic is the title): stored
/// as the item's JSON data, so every version keeps its plan for history, diff and restore.
/// </summary>
public sealed class DialogueFields
{
    /// <summary>Sanitized HTML: cleaned on every save, so it can be written to the page as is.</summary>
    public string Description { get; set; } = "";

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    /// <summary>Until when citizens may send questions before the event; null: until it starts. While live, questions are always taken.</summary>
    public DateTime? QuestionsCloseUtc { get; set; }

    public List<DialogueGuest> Guests { get; set; } = [];

    public string Moderator { get; set; } = "";

    /// <summary>An https address of the recording or the stream; embedded only for YouTube and Vimeo.</summary>
    public string VideoUrl { get; set; } = "";
}

/// <summary>A leader or official who answers: name, title or position, and a photo of the site's media library (a site path).</summary>
public sealed class DialogueGuest
{
    public string Name { get; set; } = "";

    public string Position { get; set; } = "";

    public string Photo { get; set; } = "";
}
