using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Core.Contents;

/// <summary>
/// The one way a content type's fields are stored in <see cref="ContentItem.Data"/>: System.Text.Json's
/// web defaults (camelCase names, case-insensitive reading, the default encoder, which escapes
/// non-ASCII and HTML-sensitive characters) and enums as camelCase strings. Stored rows and the
/// importers' "unchanged" check compare Data strings, so the output must stay byte for byte as it is
/// (ContentFieldsTests holds the exact JSON of each module's fields).
/// </summary>
public static class ContentFields
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The fields in the data; a new, empty instance when the data is not JSON of them.</summary>
    public static T Read<T>(string data)
        where T : new()
    {
        try
        {
            return JsonSerializer.Deserialize<T>(data, Options) ?? new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    /// <summary>The data as a JSON object; null when it is not one.</summary>
    public static System.Text.Json.Nodes.JsonObject? TryParseObject(string data)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(data) as System.Text.Json.Nodes.JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Write<T>(T fields) => JsonSerializer.Serialize(fields, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
