using System.Text.Json;
using Portal.Pages.Models;

namespace Portal.Pages.Services;

/// <summary>The content type of static pages and the (de)serialisation of its fields.</summary>
internal static class PageContent
{
    public const string ContentType = "page";

    public const string FeatureId = "Portal.Pages";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PageFields Read(string data)
    {
        try
        {
            return JsonSerializer.Deserialize<PageFields>(data, Json) ?? new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    public static string Write(PageFields fields) => JsonSerializer.Serialize(fields, Json);
}
