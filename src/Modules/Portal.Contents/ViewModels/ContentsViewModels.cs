using Portal.Core.Contents;

namespace Portal.Contents.ViewModels;

public sealed class ContentListViewModel
{
    public required IReadOnlyList<ContentTypeDefinition> Types { get; init; }

    public required IReadOnlyList<ContentItem> Items { get; init; }

    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>The chosen type's own filters and their current values.</summary>
    public IReadOnlyList<ContentListFilterField> TypeFields { get; init; } = [];

    public IReadOnlyDictionary<string, string> TypeValues { get; init; } = new Dictionary<string, string>();

    /// <summary>The chosen type's own screens this person may open (write, import).</summary>
    public IReadOnlyList<(string Label, string Path)> TypeLinks { get; init; } = [];

    /// <summary>A short detail per item (a number, a code), from the chosen type.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>The chosen type, for its "write" and own links.</summary>
    public ContentTypeDefinition? Chosen => Types.FirstOrDefault(t => t.Type == Type);

    public string? Type { get; init; }

    public string? Search { get; init; }

    public ContentState? State { get; init; }

    public string? Category { get; init; }

    public string? Author { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public string Sort { get; init; } = "modified";

    public int Page { get; init; }

    public int Total { get; init; }

    public int PageSize { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string TypeName(string type) => Types.FirstOrDefault(t => t.Type == type)?.DisplayName ?? type;

    public string EditPath(ContentItem item) =>
        Types.FirstOrDefault(t => t.Type == item.ContentType) is { } type
            ? type.EditPathOf(item.ContentItemId)
            : "~/admin/contents";

    /// <summary>The current filters as route values, for the pager's links.</summary>
    public Dictionary<string, string> Query(int page) => new Dictionary<string, string?>
    {
        ["type"] = Type,
        ["q"] = Search,
        ["state"] = State?.ToString(),
        ["category"] = Category,
        ["author"] = Author,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["sort"] = Sort,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Concat(TypeValues.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value!);
}

public sealed class ContentHistoryViewModel
{
    public required ContentTypeDefinition Type { get; init; }

    public required ContentItem Latest { get; init; }

    public required IReadOnlyList<ContentItem> Versions { get; init; }

    public required IReadOnlyList<ContentAuditEntry> Audit { get; init; }

    /// <summary>Whether this person may bring an old version back (the type's publish permission).</summary>
    public bool MayRestore { get; init; }

    public string EditPath => Type.EditPathOf(Latest.ContentItemId);
}

public sealed class ContentDiffViewModel
{
    public required ContentItem From { get; init; }

    public required ContentItem To { get; init; }

    public required IReadOnlyList<(string Field, string Before, string After)> Changes { get; init; }
}
