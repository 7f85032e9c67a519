using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Text;

namespace Portal.Dialogues.Services;

/// <summary>
/// Content envelope type <c>dialogue</c> (fields title, slug, description, startUtc, endUtc,
/// questionsCloseUtc, guests, moderator, videoUrl), the row parser of the kernel's upsert for the
/// recipes' <c>content</c> step and the content API (read only there).
/// </summary>
public sealed class DialogueImporter : ContentImporter
{
    public override string Type => DialogueContent.ContentType;

    public override string FeatureId => DialogueContent.FeatureId;

    public override IReadOnlyList<string> FieldNames => DialogueEnvelope.FieldNames;

    public override IReadOnlyList<string> RequiredColumns => ["title", "startUtc", "endUtc"];

    public override string ItemNoun => "đối thoại";

    public override IEnumerable<(string Field, string Message)> Check(JsonObject fields)
    {
        var problems = new List<DialogueProblem>();
        DialogueEnvelope.Read(fields, new HtmlSanitizer(), problems);
        return problems.Select(p => (p.Field, p.Message));
    }

    public override Task<ContentUpsert> PrepareAsync(ContentEnvelope envelope, IServiceProvider services, ContentActor actor, CancellationToken cancellationToken)
    {
        var problems = new List<DialogueProblem>();
        var input = DialogueEnvelope.Read(envelope.Fields, services.GetRequiredService<HtmlSanitizer>(), problems)
            ?? throw new ContentWorkflowException(string.Join(" ", problems.Select(p => p.Message)));
        var slug = input.Slug ?? DialogueSlugs.FromTitle(input.Title);
        var id = envelope.Id.Length > 0 ? envelope.Id : ContentIds.Derived("dt", slug, slug);
        return Task.FromResult(new ContentUpsert(Type, id, DialogueSlugs.Draft(input, slug), envelope.Published, actor) { Reason = "nhập đối thoại trực tuyến (công thức hoặc API)" });
    }
}

/// <summary>A dialogue's address and its draft for the content manager.</summary>
public static class DialogueSlugs
{
    public static string FromTitle(string title)
    {
        var slug = Slugs.FromTitle(title);
        slug = slug.Length <= 120 ? slug : slug[..120].TrimEnd('-');
        return slug.Length > 0 ? slug : "doi-thoai";
    }

    public static ContentDraft Draft(DialogueInput input, string slug) => new(input.Title, slug, DialogueContent.Write(input.Fields));
}
