using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Procedures.Models;

namespace Portal.Procedures.Services;

/// <summary>The procedure's fields as stored in the content item's JSON data.</summary>
internal static class ProcedureJson
{
    public const string ContentType = "procedure";

    public const string FeatureId = "Portal.Procedures";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static ProcedureFields Read(string data)
    {
        try
        {
            return JsonSerializer.Deserialize<ProcedureFields>(data, Json) ?? new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    public static string Write(ProcedureFields fields) => JsonSerializer.Serialize(fields, Json);
}
