using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Text;

namespace Portal.Pages.Services;

/// <summary>Content envelope type <c>page</c>: fields title, slug, body (docs/contracts.md), the row parser of the kernel's upsert.</summary>
internal sealed class PageImporter : ContentImporter
{
    private static readonly string[] Names = ["title", "slug", "body"];

    public override string Type => PageContent.ContentType;

    public override string FeatureId => PageContent.FeatureId;

    public override IReadOnlyList<string> FieldNames => Names;

    public override IReadOnlyList<string> RequiredColumns => ["title"];

    public override string ItemNoun => "trang";

    public override IEnumerable<(string Field, string Message)> Check(JsonObject fields)
    {
        var title = Text(fields, "title")?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            yield return ("title", "is required.");
        }
        else if (title.Length > 500)
        {
            yield return ("title", "is longer than 500 characters.");
        }

        if (Text(fields, "slug") is { } slug && !Slugs.IsValid(slug))
        {
            yield return ("slug", $"\"{slug}\" must be lower-case letters, digits and hyphens.");
        }
    }

    public override async Task<ContentUpsert> PrepareAsync(ContentEnvelope envelope, IServiceProvider services, ContentActor actor, CancellationToken cancellationToken)
    {
        if (envelope.Culture.Length is 0 or > 10)
        {
            throw new ContentWorkflowException($"'culture' \"{envelope.Culture}\" must be a culture name of at most 10 characters (vi, en, ...).");
        }

        var writer = services.GetRequiredService<PageWriter>();
        var title = envelope.Text("title")!.Trim();
        var draft = writer.Draft(new PageInput(title, envelope.Text("slug") ?? Slugs.FromTitle(title), envelope.Text("body")), envelope.Culture);
        var id = await writer.ImportIdAsync(envelope.Id.Length > 0 ? envelope.Id : draft.Slug, draft.Slug, draft.Culture, cancellationToken);
        return new ContentUpsert(Type, id, draft, envelope.Published, actor);
    }

    private static string? Text(JsonObject fields, string field) =>
        fields[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
