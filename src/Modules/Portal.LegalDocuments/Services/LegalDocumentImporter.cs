using Microsoft.Extensions.Logging;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Recipes;

namespace Portal.LegalDocuments.Services;

/// <summary>
/// Content envelope type <c>legal-document</c> (docs/contracts.md), for the recipes' <c>content</c> step
/// and the content API. Idempotent by <c>id</c>; an envelope whose number + issuing authority already
/// belong to another id is rejected with that reason (never merged into it: the other item may be
/// an editor's work, and two callers' ids silently pointing at one document would hide the clash).
/// <c>status</c> is accepted and checked but not used: validity is computed from the dates and relations.
/// </summary>
internal sealed class LegalDocumentImporter : IContentImporter
{
    public static readonly string[] FieldNames = ["number", "type", "issuingAuthority", "field", "signer", "signerPosition", "issuedOn", "effectiveOn", "expiresOn", "status", "summary", "kind", "files", "replaces", "amends", "guides"];

    public string Type => LegalDocumentData.ContentType;

    public string FeatureId => LegalDocumentData.FeatureId;

    public void Validate(ContentEnvelope envelope, RecipeProblems problems)
    {
        foreach (var (field, _) in envelope.Fields)
        {
            if (!FieldNames.Contains(field))
            {
                problems.Add($"unknown field '{field}' for legal-document (expected: {string.Join(", ", FieldNames)}).");
            }
        }

        var errors = new Dictionary<string, string>();
        FromEnvelope(envelope.Fields, errors).Parse(errors);
        foreach (var (field, message) in errors)
        {
            problems.Add($"'fields.{field}': {message}");
        }
    }

    public async Task ImportAsync(ContentEnvelope envelope, RecipeContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var fields = FromEnvelope(envelope.Fields, errors).Parse(errors)
            ?? throw new InvalidOperationException(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value}")));
        try
        {
            await context.Services.GetRequiredService<LegalDocumentWriter>().ImportAsync(envelope.Id, fields, envelope.Published, ContentActor.System, cancellationToken);
        }
        catch (LegalDocumentSkippedException ex)
        {
            // A recipe run again over a site whose editors deleted or archived a document goes on.
            context.Services.GetRequiredService<ILogger<LegalDocumentImporter>>().LogWarning("{Reason}", ex.Message);
        }
    }

    /// <summary>Reads the envelope's fields; a list may be a JSON array or one "a; b" string. Wrong shapes become errors.</summary>
    public static LegalDocumentInput FromEnvelope(JsonObject fields, IDictionary<string, string> errors)
    {
        string? Text(string name)
        {
            switch (fields[name])
            {
                case null:
                    return null;
                case JsonValue value when value.TryGetValue<string>(out var text):
                    return text;
                default:
                    errors[name] = "Phải là một chuỗi.";
                    return null;
            }
        }

        IReadOnlyList<string> List(string name)
        {
            switch (fields[name])
            {
                case null:
                    return [];
                case JsonArray array when array.All(a => a is JsonValue v && v.TryGetValue<string>(out _)):
                    return [.. array.Select(a => a!.GetValue<string>())];
                case JsonValue value when value.TryGetValue<string>(out var text):
                    return LegalDocumentInput.SplitList(text);
                default:
                    errors[name] = "Phải là một danh sách chuỗi.";
                    return [];
            }
        }

        return new LegalDocumentInput
        {
            Number = Text("number"),
            Type = Text("type"),
            IssuingAuthority = Text("issuingAuthority"),
            Field = Text("field"),
            Signer = Text("signer"),
            SignerPosition = Text("signerPosition"),
            IssuedOn = Text("issuedOn"),
            EffectiveOn = Text("effectiveOn"),
            ExpiresOn = Text("expiresOn"),
            Status = Text("status"),
            Summary = Text("summary"),
            Kind = Text("kind"),
            Files = List("files"),
            Replaces = List("replaces"),
            Amends = List("amends"),
            Guides = List("guides"),
        };
    }
}
