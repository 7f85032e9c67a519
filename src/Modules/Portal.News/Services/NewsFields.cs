using System.Text.Json;
using Portal.News.Models;

namespace Portal.News.Services;

internal static class NewsFields
{
    public const string ContentType = "news";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static NewsArticleFields Read(string data)
    {
        try
        {
            return JsonSerializer.Deserialize<NewsArticleFields>(data, Json) ?? new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    public static string Write(NewsArticleFields fields) => JsonSerializer.Serialize(fields, Json);
}
