using Portal.Core.Contents;
using Portal.News.Models;

namespace Portal.News.Services;

internal static class NewsFields
{
    public const string ContentType = "news";

    public static NewsArticleFields Read(string data) => ContentFields.Read<NewsArticleFields>(data);

    public static string Write(NewsArticleFields fields) => ContentFields.Write(fields);
}
