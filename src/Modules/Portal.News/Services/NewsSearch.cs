using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Search;

namespace Portal.News.Services;

/// <summary>An article in search: its title, summary and text, and its tags.</summary>
internal sealed class NewsSearch : ISearchSource
{
    public string ContentType => NewsFields.ContentType;

    public SearchDocument? Describe(ContentItem published)
    {
        var fields = NewsFields.Read(published.Data);
        return new SearchDocument(published.Title, $"{PlainText.FromHtml(fields.Summary)}\n{PlainText.FromHtml(fields.Body)}\n{string.Join(", ", fields.Tags)}".Trim());
    }
}
