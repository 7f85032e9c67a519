namespace Portal.Pages.Models;

/// <summary>
/// The fields of a static page that are not the content item's own (title and slug are): stored
/// as the item's JSON data, so every version keeps its body for history, diff and restore.
/// </summary>
public sealed class PageFields
{
    /// <summary>Sanitized HTML: cleaned on every save, so it can be written to the page as is.</summary>
    public string Body { get; set; } = "";
}
