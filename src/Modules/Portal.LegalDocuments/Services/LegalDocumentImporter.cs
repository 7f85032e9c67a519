using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Recipes;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>
/// Content envelope type <c>legal-document</c> (docs/contracts.md), for the recipes' <c>content</c> step
/// and the content API. Idempotent by <c>id</c>; an envelope whose number + issuing authority already
/// belong to another id is rejected with that reason (never merged into it: the other item may be
/// an editor's work, and two callers' ids silently pointing at one document would hide the clash).
/// <c>status</c> is accepted and checked but not used: validity is computed from the dates and relations.
/// </summary>
public sealed class LegalDocumentImporter : ContentImporter
{
    public static readonly string[] Names = ["number", "type", "issuingAuthority", "field", "signer", "signerPosition", "issuedOn", "effectiveOn", "expiresOn", "status", "summary", "kind", "files", "replaces", "amends", "guides"];

    public override string Type => LegalDocumentData.ContentType;

    public override string FeatureId => LegalDocumentData.FeatureId;

    public override IReadOnlyList<string> FieldNames => Names;

    public override string ItemNoun => "văn bản";

    public override IReadOnlyList<string> RequiredColumns => ["number", "type", "issuingAuthority", "issuedOn", "summary"];

    public override int MaxRows => 5000;

    public override IEnumerable<(string Field, string Message)> Check(JsonObject fields)
    {
        var errors = new Dictionary<string, string>();
        FromEnvelope(fields, errors).Parse(errors);
        return errors.Select(e => (e.Key, e.Value));
    }

    /// <summary>One document per number + issuing authority (compared without case or diacritics).</summary>
    public override string? RowKey(JsonObject fields)
    {
        var input = FromEnvelope(fields, new Dictionary<string, string>());
        var (number, authority) = LegalDocumentData.Key(input.Number ?? "", input.IssuingAuthority ?? "");
        return number + "\n" + authority;
    }

    public override string RowKeyName => "số/ký hiệu và cơ quan ban hành";

    public override string RowLabel(JsonObject fields) => fields["number"] is JsonValue v && v.TryGetValue<string>(out var number) ? number.Trim() : "";

    public override async Task<ContentUpsert> PrepareAsync(ContentEnvelope envelope, IServiceProvider services, ContentActor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var fields = FromEnvelope(envelope.Fields, errors).Parse(errors)
            ?? throw new ContentWorkflowException(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value}")));
        var id = envelope.Id.Length > 0 ? envelope.Id : DefaultId(fields);
        var writer = services.GetRequiredService<LegalDocumentWriter>();
        if (await writer.ConflictAsync(fields, id, cancellationToken) is { } other)
        {
            // Never merged into the other id: it may be an editor's work, and two callers' ids
            // silently pointing at one document would hide the clash.
            throw new ContentWorkflowException($"Số/ký hiệu {fields.Number} của {fields.IssuingAuthority} đã thuộc văn bản khác (mã {other}); không nhập đè.");
        }

        var draft = await writer.DraftAsync(fields, id, cancellationToken);
        return new ContentUpsert(Type, id, draft, envelope.Published, actor) { Reason = LegalDocumentWriter.ImportReason };
    }

    /// <summary>A row without id: one document per number + authority + year.</summary>
    private static string DefaultId(LegalDocumentFields fields) =>
        ContentIds.Derived("vb", $"{fields.IssuingAuthority} {fields.Number} {fields.IssuedOn?.Year}", $"{fields.IssuingAuthority}\n{fields.Number}\n{fields.IssuedOn?.Year}");

    /// <summary>Reads the envelope's fields; a list may be a JSON array or one "a; b" string. Wrong shapes become errors.</summary>
    internal static LegalDocumentInput FromEnvelope(JsonObject fields, IDictionary<string, string> errors)
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
