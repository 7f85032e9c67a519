using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Contents;

namespace Portal.Contents.Services;

/// <summary>
/// Field-by-field differences between two versions of an item of any type: the common fields,
/// then the type's JSON fields under the labels its definition gives, then any others by name.
/// </summary>
internal static class ContentDiff
{
    public static IReadOnlyList<(string Field, string Before, string After)> Between(ContentItem from, ContentItem to, ContentTypeDefinition? type)
    {
        var changes = new List<(string, string, string)>();
        Add(changes, "Tiêu đề", from.Title, to.Title);
        Add(changes, "Đường dẫn", from.Slug, to.Slug);
        Add(changes, "Ngôn ngữ", from.Culture, to.Culture);
        var a = Fields(from.Data);
        var b = Fields(to.Data);
        var labelled = type?.FieldLabels ?? [];
        foreach (var (field, label) in labelled)
        {
            Add(changes, label, Text(a, field), Text(b, field));
        }

        var known = labelled.Select(l => l.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var field in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Where(f => !known.Contains(f)).Order(StringComparer.Ordinal))
        {
            Add(changes, field, Text(a, field), Text(b, field));
        }

        return changes;
    }

    private static void Add(List<(string, string, string)> changes, string label, string before, string after)
    {
        if (before != after)
        {
            changes.Add((label, before, after));
        }
    }

    private static JsonObject Fields(string data)
    {
        try
        {
            return JsonNode.Parse(data) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>A field as editors read it: text as itself, lists one item per line, the rest as JSON.</summary>
    private static string Text(JsonObject fields, string field) => fields[field] switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "có" : "không",
        JsonArray list => string.Join("\n", list.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : i?.ToJsonString() ?? "")),
        var node => node.ToJsonString(),
    };
}
