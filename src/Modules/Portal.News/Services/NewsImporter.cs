using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Recipes;
using Portal.Core.Text;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>
/// Content envelope type <c>news</c> (CONTRACTS.md: title, summary, body, category, tags[], author,
/// source, publishedAt), through the content lifecycle: an imported item is saved as a version and,
/// when <c>published</c>, published with the import named as the reason in the audit trail.
/// </summary>
internal sealed class NewsImporter : IContentImporter
{
    private static readonly string[] Fields = ["title", "summary", "body", "category", "tags", "author", "source", "publishedAt", "featuredImage", "featuredImageAlt", "featured"];

    public string Type => NewsFields.ContentType;

    public string FeatureId => "Portal.News";

    public void Validate(ContentEnvelope envelope, RecipeProblems problems)
    {
        foreach (var (field, _) in envelope.Fields)
        {
            if (!Fields.Contains(field))
            {
                problems.Add($"unknown field '{field}' for news (expected: {string.Join(", ", Fields)}).");
            }
        }

        if (string.IsNullOrWhiteSpace(envelope.Text("title")))
        {
            problems.Add("'fields.title' is required.");
        }

        if (envelope.Text("publishedAt") is { } at && !DateTime.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out _))
        {
            problems.Add($"'fields.publishedAt' \"{at}\" is not a date (use 2026-03-01T08:00:00+07:00).");
        }
    }

    private static async Task SetPublishedAsync(ContentManager manager, ContentEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Published)
        {
            await manager.ForcePublishAsync(envelope.Id, ContentActor.System, "nhập nội dung (công thức hoặc API)", cancellationToken);
        }
        else
        {
            await manager.UnpublishAsync(envelope.Id, ContentActor.System, cancellationToken);
        }
    }

    public async Task ImportAsync(ContentEnvelope envelope, RecipeContext context, CancellationToken cancellationToken)
    {
        var manager = context.Services.GetRequiredService<ContentManager>();
        var sanitizer = context.Services.GetRequiredService<HtmlSanitizer>();
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
        var existing = await manager.LatestAsync(envelope.Id, cancellationToken);
        if (existing is not null && existing.ContentType != Type)
        {
            throw new ContentWorkflowException($"Mã {envelope.Id} đã dùng cho một nội dung loại khác trên trang; không nhập đè.");
        }

        if (existing is not null && existing.Title == draft.Title && existing.Data == draft.Data && existing.Published == envelope.Published)
        {
            return; // unchanged: importing the same envelope again writes nothing
        }

        if (existing is not null && existing.Title == draft.Title && existing.Data == draft.Data)
        {
            // Only the publication flag changed: no new version, just the state.
            await SetPublishedAsync(manager, envelope, cancellationToken);
            return;
        }

        var item = existing is null
            ? await manager.CreateAsync(Type, draft, ContentActor.System, envelope.Id, cancellationToken)
            : await manager.SaveAsync(envelope.Id, draft, ContentActor.System, cancellationToken);
        if (!envelope.Published && existing?.Published == true)
        {
            await manager.UnpublishAsync(envelope.Id, ContentActor.System, cancellationToken);
        }

        if (envelope.Published)
        {
            if (envelope.Text("publishedAt") is { } at)
            {
                item.PublishedUtc = DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
            }

            await manager.ForcePublishAsync(envelope.Id, ContentActor.System, "nhập nội dung (công thức hoặc API)", cancellationToken);
        }
    }
}
