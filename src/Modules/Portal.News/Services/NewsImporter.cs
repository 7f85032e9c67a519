using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Text;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>
/// Content envelope type <c>news</c> (docs/contracts.md: title, summary, body, category, tags[],
/// author, source, publishedAt): the row parser; the kernel's upsert writes it through the content
/// lifecycle, a published envelope published with the import named as the reason in the audit trail.
/// </summary>
internal sealed class NewsImporter : ContentImporter
{
    private static readonly string[] Fields = ["title", "summary", "body", "category", "tags", "author", "source", "publishedAt", "featuredImage", "featuredImageAlt", "featured"];

    public override string Type => NewsFields.ContentType;

    public override string FeatureId => "Portal.News";

    public override IReadOnlyList<string> FieldNames => Fields;

    public override string ItemNoun => "tin bài";

    public override IReadOnlyList<string> RequiredColumns => ["title"];

    public override IEnumerable<(string Field, string Message)> Check(JsonObject fields)
    {
        if (string.IsNullOrWhiteSpace(Text(fields, "title")))
        {
            yield return ("title", "is required.");
        }

        if (Text(fields, "publishedAt") is { } at && PublishedAt(at) is null)
        {
            yield return ("publishedAt", $"\"{at}\" is not a date (use 2026-03-01T08:00:00+07:00).");
        }
    }

    public override Task<ContentUpsert> PrepareAsync(ContentEnvelope envelope, IServiceProvider services, ContentActor actor, CancellationToken cancellationToken)
    {
        var sanitizer = services.GetRequiredService<HtmlSanitizer>();
        var title = envelope.Text("title")!.Trim();
        var fields = new NewsArticleFields
        {
            Summary = envelope.Text("summary") ?? "",
            Body = sanitizer.Sanitize(envelope.Text("body")),
            Category = envelope.Text("category") ?? "",
            Tags = envelope.Fields["tags"] is JsonArray tags ? [.. tags.Select(t => t?.ToString() ?? "").Where(t => t.Length > 0)] : [],
            Author = envelope.Text("author") ?? "",
            Source = envelope.Text("source") ?? "",
            FeaturedImage = envelope.Text("featuredImage") ?? "",
            FeaturedImageAlt = envelope.Text("featuredImageAlt") ?? "",
            Featured = envelope.Fields["featured"] is JsonValue f && f.TryGetValue<bool>(out var featured) && featured,
        };
        var draft = new ContentDraft(title, Slugs.FromTitle(title), NewsFields.Write(fields), envelope.Culture) { Category = fields.Category };
        var id = envelope.Id.Length > 0 ? envelope.Id : ContentIds.Derived("tin", title, title);
        return Task.FromResult(new ContentUpsert(Type, id, draft, envelope.Published, actor)
        {
            PublishedUtc = envelope.Text("publishedAt") is { } at ? PublishedAt(at) : null,
        });
    }

    private static string? Text(JsonObject fields, string field) =>
        fields[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>An article's first publication as the source gives it; a year before 1900 or past 2100 is a slip, not a date.</summary>
    private static DateTime? PublishedAt(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) && at.Year is > 1900 and < 2100
            ? DateTime.SpecifyKind(at, DateTimeKind.Utc)
            : null;
}
