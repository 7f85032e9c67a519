using System.Text.Json.Nodes;

namespace Portal.Core.Recipes;

/// <summary>
/// A parsed recipe file (<c>*.recipe.json</c>): Orchard Core's shape — name, displayName,
/// description, issetuprecipe, variables, steps — plus an optional <c>level</c> hint saying which
/// kind of site a setup recipe is for.
/// </summary>
public sealed class RecipeDocument
{
    public required string Name { get; init; }

    public string DisplayName { get; init; } = "";

    public string Description { get; init; } = "";

    public bool IsSetupRecipe { get; init; }

    /// <summary>The site level a setup recipe is meant for (Province, Department, District, Commune), if stated.</summary>
    public string? Level { get; init; }

    /// <summary>Default values of the recipe's own variables; callers may override them.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<JsonObject> Steps { get; init; } = [];

    /// <summary>Where the recipe came from (file path), for error messages.</summary>
    public string Source { get; init; } = "";
}
