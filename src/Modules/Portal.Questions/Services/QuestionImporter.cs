using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Text;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>
/// Content envelope type <c>question</c>: an answered question as it is published (recipes, the
/// content API). The fields are the stored ones (<see cref="AnswerFields"/>), so an export imports
/// back unchanged; no personal data is part of the type.
/// </summary>
internal sealed class QuestionImporter : ContentImporter
{
    private static readonly string[] Names = ["title", "slug", "question", "field", "agency", "answer", "answerer", "senderName", "askedUtc", "answeredUtc", "listed"];

    public override string Type => QuestionContent.ContentType;

    public override string FeatureId => QuestionContent.FeatureId;

    public override IReadOnlyList<string> FieldNames => Names;

    public override IReadOnlyList<string> RequiredColumns => ["title", "question", "answer"];

    public override string ItemNoun => "câu hỏi";

    public override IEnumerable<(string Field, string Message)> Check(JsonObject fields)
    {
        foreach (var (name, max) in new[] { ("title", QuestionsModel.TitleLength), ("question", QuestionsModel.ContentLength), ("answer", 200_000) })
        {
            var value = Text(fields, name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                yield return (name, "is required.");
            }
            else if (value.Length > max)
            {
                yield return (name, $"is longer than {max} characters.");
            }
        }

        if (Text(fields, "field") is { } field && !QuestionFields.IsKnown(field))
        {
            yield return ("field", $"\"{field}\" is not a field of questions ({string.Join(", ", QuestionFields.All.Select(f => f.Slug))}).");
        }

        if (Text(fields, "slug") is { } slug && !Slugs.IsValid(slug))
        {
            yield return ("slug", $"\"{slug}\" must be lower-case letters, digits and hyphens.");
        }

        foreach (var name in new[] { "askedUtc", "answeredUtc" })
        {
            if (Text(fields, name) is { } text && Time(text) is null)
            {
                yield return (name, $"\"{text}\" is not a date or an ISO 8601 time.");
            }
        }

        foreach (var (name, max) in new[] { ("agency", QuestionsModel.AgencyLength), ("answerer", QuestionsModel.AgencyLength), ("senderName", QuestionsModel.NameLength) })
        {
            if (Text(fields, name) is { Length: var length } && length > max)
            {
                yield return (name, $"is longer than {max} characters.");
            }
        }
    }

    public override Task<ContentUpsert> PrepareAsync(ContentEnvelope envelope, IServiceProvider services, ContentActor actor, CancellationToken cancellationToken)
    {
        var writer = services.GetRequiredService<AnswerWriter>();
        var f = envelope.Fields;
        var title = envelope.Text("title")!.Trim();
        var fields = new AnswerFields
        {
            Question = envelope.Text("question")!.Trim(),
            Field = envelope.Text("field") ?? "khac",
            Agency = envelope.Text("agency")?.Trim() ?? "",
            Answer = envelope.Text("answer")!,
            Answerer = envelope.Text("answerer")?.Trim() ?? "",
            SenderName = envelope.Text("senderName")?.Trim() is { Length: > 0 } name ? name : null,
            AskedUtc = Time(envelope.Text("askedUtc")) ?? default,
            AnsweredUtc = Time(envelope.Text("answeredUtc")) ?? default,
            Listed = f["listed"] is not JsonValue listed || !listed.TryGetValue<bool>(out var shown) || shown,
        };
        var slug = envelope.Text("slug") ?? Slugs.FromTitle(title);
        var id = envelope.Id.Length > 0 ? envelope.Id : slug;
        return Task.FromResult(new ContentUpsert(Type, id, writer.Draft(title, slug, fields, envelope.Culture), envelope.Published, actor));
    }

    /// <summary>An ISO 8601 time (UTC), or a date as editors write it (the start of that day in Vietnam).</summary>
    private static DateTime? Time(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Contains('T', StringComparison.Ordinal)
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return time is { Year: >= 2000 and < 2100 } ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : null;
        }

        return ContentValues.Date(text) is { } day ? Portal.Core.VietnamTime.StartOfDayUtc(day.ToDateTime(TimeOnly.MinValue)) : null;
    }

    private static string? Text(JsonObject fields, string field) =>
        fields[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
