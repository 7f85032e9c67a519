using System.Text.Json.Nodes;
using Portal.Core.Recipes;

namespace Portal.Core.Contents;

/// <summary>
/// Imports one content type from the content envelope (CONTRACTS.md: <c>type</c>, <c>id</c>,
/// <c>culture</c>, <c>published</c>, <c>fields</c>). The recipes' <c>content</c> step and the
/// content API share it. Idempotent by <c>id</c>: importing the same envelope again updates, never duplicates.
/// </summary>
public interface IContentImporter
{
    /// <summary>The envelope's <c>type</c> (news, page, legal-document, procedure, ...).</summary>
    string Type { get; }

    /// <summary>The feature the site must have for this type.</summary>
    string FeatureId { get; }

    void Validate(ContentEnvelope envelope, RecipeProblems problems);

    Task ImportAsync(ContentEnvelope envelope, RecipeContext context, CancellationToken cancellationToken);
}

public sealed record ContentEnvelope(string Type, string Id, string Culture, bool Published, JsonObject Fields)
{
    public string? Text(string field) =>
        Fields[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
