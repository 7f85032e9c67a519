using Lucene.Net.Documents;

namespace Portal.Core.Search;

/// <summary>
/// The searchable text fields of the installation's index. Each text is indexed twice: an exact
/// field (diacritics kept, lower case) that is boosted, and a folded one that finds it without marks.
/// </summary>
public static class SearchFields
{
    public const string TitleExact = "title_exact";
    public const string TitleFolded = "title_folded";
    public const string BodyExact = "body_exact";
    public const string BodyFolded = "body_folded";

    /// <summary>The four text fields for one item (the title stored, for result lists; the body not).</summary>
    public static IEnumerable<Field> Text(string title, string? body)
    {
        yield return new TextField(TitleExact, title, Field.Store.YES);
        yield return new TextField(TitleFolded, title, Field.Store.NO);
        if (!string.IsNullOrEmpty(body))
        {
            yield return new TextField(BodyExact, body, Field.Store.NO);
            yield return new TextField(BodyFolded, body, Field.Store.NO);
        }
    }
}
