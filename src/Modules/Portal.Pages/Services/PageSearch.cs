using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Search;

namespace Portal.Pages.Services;

/// <summary>A static page in search (giới thiệu, cơ cấu tổ chức, liên hệ).</summary>
internal sealed class PageSearch : ISearchSource
{
    public string ContentType => PageContent.ContentType;

    public SearchDocument? Describe(ContentItem published) =>
        new(published.Title, PlainText.FromHtml(PageContent.Read(published.Data).Body));
}
