namespace Portal.Core.Contents;

/// <summary>One filter a type adds to the shared admin list: its query-string name, label and choices (empty: typed in).</summary>
public sealed record ContentListFilterField(string Name, string Label, IReadOnlyList<(string Value, string Label)> Choices);

/// <summary>
/// A type's own part of the shared admin list (/admin/contents?type=...), as Orchard Core's
/// IContentsAdminListFilter: filters on the type's own fields (a document's type and year, a
/// procedure's level), read from the module's own tables, and a short detail per row (a number, a
/// code). The shared list does the rest — search, state, category, author, dates, sorting, paging,
/// bulk steps — the same for every type. Register as scoped.
/// </summary>
public interface IContentListFilter
{
    string ContentType { get; }

    Task<IReadOnlyList<ContentListFilterField>> FieldsAsync(CancellationToken cancellationToken);

    /// <summary>Narrows the latest versions by the values given; a value that is not one of the field's is ignored, never an error.</summary>
    IQueryable<ContentItem> Apply(IQueryable<ContentItem> latest, IReadOnlyDictionary<string, string> values);

    /// <summary>A short detail shown under each listed item's title (its number or code), by content item id.</summary>
    Task<IReadOnlyDictionary<string, string>> DetailsAsync(IReadOnlyCollection<string> contentItemIds, CancellationToken cancellationToken);
}
