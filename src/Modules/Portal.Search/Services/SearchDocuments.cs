using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Portal.Core.Contents;
using Portal.Core.Search;
using Portal.Core.Tenancy;

namespace Portal.Search.Services;

/// <summary>
/// The Lucene document of one published item: the text fields of <see cref="SearchFields"/>, the
/// site and its ancestors (the filters of a site's and a province-wide search), type, language and
/// date (filters), and what a result shows (title, address, the start of the text for the snippet).
/// </summary>
public static class SearchDocuments
{
    public const string Key = "key";
    public const string Site = "site";
    public const string Ancestors = "ancestors";
    public const string Type = "type";
    public const string Language = "lang";
    public const string Date = "date";
    public const string DateSort = "date_sort";
    public const string Path = "path";
    public const string Snippet = "snippet";
    public const string Title = "title";

    /// <summary>The stored start of the text that snippets are cut from: enough for the first matches, small enough to read fast.</summary>
    public const int SnippetSourceLength = 1500;

    public static string KeyOf(int tenantId, string contentType, string contentItemId) =>
        string.Create(CultureInfo.InvariantCulture, $"{tenantId}:{contentType}:{contentItemId}");

    public static Term KeyTerm(int tenantId, string contentType, string contentItemId) => new(Key, KeyOf(tenantId, contentType, contentItemId));

    public static Term SiteTerm(int tenantId) => new(Site, tenantId.ToString(CultureInfo.InvariantCulture));

    public static Term AncestorTerm(int tenantId) => new(Ancestors, tenantId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The language a culture is searched in, as stored in <see cref="Language"/>.</summary>
    public static string LanguageOf(string? culture) => SearchAnalyzers.LanguageOf(culture) switch
    {
        SearchLanguage.English => "en",
        SearchLanguage.Chinese => "zh",
        _ => "vi",
    };

    /// <summary>The document for a published version, or null when it stays out (the source declined, or the type has no public page).</summary>
    public static Document? Build(ContentItem item, ISearchSource source, ContentTypeDefinition? definition, Tenant site, IEnumerable<Tenant> ancestors)
    {
        var described = source.Describe(item);
        var path = described?.Path ?? definition?.PublicPathOf(item);
        if (described is null || string.IsNullOrEmpty(path))
        {
            return null;
        }

        var title = VietnameseText.Normalize(described.Title);
        var body = VietnameseText.Normalize(described.Body);
        var date = described.DateUtc ?? item.PublishedUtc ?? item.ModifiedUtc;
        var doc = new Document
        {
            new StringField(Key, KeyOf(item.TenantId, item.ContentType, item.ContentItemId), Field.Store.YES),
            new StringField(Site, site.Id.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new StringField(Type, item.ContentType, Field.Store.YES),
            new StringField(Language, LanguageOf(item.Culture), Field.Store.NO),
            new Int64Field(Date, date.Ticks, Field.Store.YES),
            new NumericDocValuesField(DateSort, date.Ticks),
            new StoredField(Path, path),
            new StoredField(Title, title),
            new StoredField(Snippet, body.Length > SnippetSourceLength ? body[..SnippetSourceLength] : body),
        };
        doc.Add(new StringField(Ancestors, site.Id.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        foreach (var ancestor in ancestors)
        {
            doc.Add(new StringField(Ancestors, ancestor.Id.ToString(CultureInfo.InvariantCulture), Field.Store.NO));
        }

        foreach (var field in SearchFields.Text(title, body))
        {
            // The title is stored once, above, under its own name.
            doc.Add(field.Name == SearchFields.TitleExact ? new TextField(field.Name, title, Field.Store.NO) : field);
        }

        // A number or code is searched as part of the title (whole and in parts, as typed).
        foreach (var key in described.Keys.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            var normalized = VietnameseText.Normalize(key);
            doc.Add(new TextField(SearchFields.TitleExact, normalized, Field.Store.NO));
            doc.Add(new TextField(SearchFields.TitleFolded, normalized, Field.Store.NO));
        }

        return doc;
    }
}
