using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;

namespace Portal.Core.Contents;

/// <summary>
/// Imports one content type from the content envelope (docs/contracts.md: <c>type</c>, <c>id</c>,
/// <c>culture</c>, <c>published</c>, <c>fields</c>). The recipes' <c>content</c> step, the uploads
/// and the content API share it. Idempotent by <c>id</c>: importing the same envelope again
/// updates, never duplicates. Types derive from <see cref="ContentImporter"/>, which writes through
/// the kernel's one upsert.
/// </summary>
public interface IContentImporter
{
    /// <summary>The envelope's <c>type</c> (news, page, legal-document, procedure, ...).</summary>
    string Type { get; }

    /// <summary>The feature the site must have for this type.</summary>
    string FeatureId { get; }

    /// <summary>Checks the envelope without a database (a recipe is checked whole before anything runs).</summary>
    void Validate(ContentEnvelope envelope, RecipeProblems problems);

    Task<UpsertResult> ImportAsync(ContentEnvelope envelope, IServiceProvider services, ContentActor actor, CancellationToken cancellationToken);

    /// <summary>The envelope's <c>fields</c> of a stored version: what the content API sends out, and what importing it back would write.</summary>
    JsonObject Export(ContentItem item);

    /// <summary>
    /// <see cref="Export"/> written straight to <paramref name="writer"/>, byte for byte the same JSON:
    /// the content API's pages of 50 items write this, without a node tree per item.
    /// </summary>
    void WriteExport(Utf8JsonWriter writer, ContentItem item) => Export(item).WriteTo(writer);
}

/// <summary>
/// A type's part of an import: its row parser. It reads the envelope's fields into a draft and
/// settles the id (a row without one gets the type's own; a business key such as a procedure code
/// may point at an existing item); the kernel's <see cref="ContentManager.UpsertAsync"/> does the rest.
/// </summary>
public abstract class ContentImporter : IContentImporter
{
    public abstract string Type { get; }

    public abstract string FeatureId { get; }

    /// <summary>The envelope's field names this type knows, for the CSV header and the unknown-field check.</summary>
    public abstract IReadOnlyList<string> FieldNames { get; }

    /// <summary>Fields a CSV header must have.</summary>
    public virtual IReadOnlyList<string> RequiredColumns => [];

    /// <summary>What one item is called in the upload's messages ("thủ tục", "văn bản").</summary>
    public virtual string ItemNoun => "nội dung";

    /// <summary>Rows per uploaded file: every row is several writes, and the request must end while the editor waits.</summary>
    public virtual int MaxRows => 2000;

    public void Validate(ContentEnvelope envelope, RecipeProblems problems)
    {
        if (envelope.Id.Length > 0 && ContentIds.Problem(envelope.Id) is { } idProblem)
        {
            problems.Add($"'id': {idProblem}");
        }

        foreach (var (field, _) in envelope.Fields)
        {
            if (!FieldNames.Contains(field))
            {
                problems.Add($"unknown field '{field}' for {Type} (expected: {string.Join(", ", FieldNames)}).");
            }
        }

        foreach (var (field, message) in Check(envelope.Fields))
        {
            problems.Add(field.Length > 0 ? $"'fields.{field}': {message}" : message);
        }
    }

    /// <summary>The field errors of these fields (field name, message), as the editor's form would show them.</summary>
    public abstract IEnumerable<(string Field, string Message)> Check(JsonObject fields);

    /// <summary>What makes a row the same item as another row of one file (a code, a number and authority); null when only the id does.</summary>
    public virtual string? RowKey(JsonObject fields) => null;

    /// <summary>What the business key is called in a message ("số/ký hiệu và cơ quan ban hành", "mã thủ tục").</summary>
    public virtual string RowKeyName => "khóa";

    /// <summary>What names a row for the editor in a report (a document number, a procedure code).</summary>
    public virtual string RowLabel(JsonObject fields) => "";

    /// <summary>The upsert for a valid envelope (its id may be empty: a spreadsheet row without one).</summary>
    /// <exception cref="ContentWorkflowException">The row is refused (its business key belongs to another item).</exception>
    public abstract Task<ContentUpsert> PrepareAsync(ContentEnvelope envelope, IServiceProvider services, ContentActor actor, CancellationToken cancellationToken);

    /// <summary>
    /// The stored JSON fields, the title, and the slug and first publication where the type names
    /// them, limited to <see cref="FieldNames"/> (nothing internal leaves through the API). A type
    /// whose stored shape differs from its envelope overrides this.
    /// </summary>
    public virtual JsonObject Export(ContentItem item)
    {
        var stored = ContentFields.TryParseObject(item.Data);
        var fields = new JsonObject();
        foreach (var name in FieldNames)
        {
            JsonNode? value = name switch
            {
                "title" => item.Title,
                "slug" => item.Slug,
                "publishedAt" when item.PublishedUtc is { } at => DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                _ => Take(stored, name),
            };
            if (value is not null)
            {
                fields[name] = value;
            }
        }

        return fields;
    }

    /// <summary>
    /// The streaming form of <see cref="Export"/>: the same fields in the same order, the stored
    /// values copied from a pooled <see cref="JsonDocument"/> instead of a node tree. A type that
    /// overrides <see cref="Export"/> gets its own shape written (through the tree).
    /// </summary>
    public virtual void WriteExport(Utf8JsonWriter writer, ContentItem item)
    {
        if (ExportIsOverridden)
        {
            Export(item).WriteTo(writer);
            return;
        }

        using var stored = StoredObject(item.Data);
        writer.WriteStartObject();
        foreach (var name in FieldNames)
        {
            switch (name)
            {
                case "title":
                    writer.WriteString(name, item.Title);
                    break;
                case "slug":
                    writer.WriteString(name, item.Slug);
                    break;
                case "publishedAt" when item.PublishedUtc is { } at:
                    writer.WriteString(name, DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    if (stored is not null && stored.RootElement.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
                    {
                        writer.WritePropertyName(name);
                        value.WriteTo(writer);
                    }

                    break;
            }
        }

        writer.WriteEndObject();
    }

    private bool ExportIsOverridden => _exportOverridden ??= GetType().GetMethod(nameof(Export), [typeof(ContentItem)])!.DeclaringType != typeof(ContentImporter);

    private bool? _exportOverridden;

    /// <summary>The stored data when it is a JSON object (as <see cref="ContentFields.TryParseObject"/> reads it), else null.</summary>
    private static JsonDocument? StoredObject(string data)
    {
        try
        {
            var document = JsonDocument.Parse(data);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Moves a field out of the parsed data (no copy: the parsed object is this call's own).</summary>
    private static JsonNode? Take(JsonObject? stored, string name)
    {
        if (stored is null || !stored.TryGetPropertyValue(name, out var value))
        {
            return null;
        }

        stored.Remove(name);
        return value;
    }

    public async Task<UpsertResult> ImportAsync(ContentEnvelope envelope, IServiceProvider services, ContentActor actor, CancellationToken cancellationToken)
    {
        var upsert = await PrepareAsync(envelope, services, actor, cancellationToken);
        return await services.GetRequiredService<ContentManager>().UpsertAsync(upsert, cancellationToken);
    }
}

public sealed record ContentEnvelope(string Type, string Id, string Culture, bool Published, JsonObject Fields)
{
    public string? Text(string field) =>
        Fields[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
