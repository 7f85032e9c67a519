using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Search;

namespace Portal.Dialogues.Services;

/// <summary>
/// A dialogue in search: its topic, description, guests and moderator. The published questions and
/// answers are the module's own rows, and a search document is built from the content item alone
/// (every node must build the same document from the same row), so the transcript is not searched
/// yet: that needs a kernel hook to add a module's text to its item's document.
/// </summary>
internal sealed class DialogueSearch : ISearchSource
{
    public string ContentType => DialogueContent.ContentType;

    public SearchDocument? Describe(ContentItem published)
    {
        var fields = DialogueContent.Read(published.Data);
        var body = string.Join('\n', new[]
        {
            PlainText.FromHtml(fields.Description),
            string.Join('\n', fields.Guests.Select(g => g.Position.Length > 0 ? $"{g.Name}, {g.Position}" : g.Name)),
            fields.Moderator,
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new SearchDocument(published.Title, body) { DateUtc = fields.StartUtc };
    }
}
