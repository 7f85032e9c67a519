using System.Text.Json.Nodes;

namespace Portal.Core.Recipes;

/// <summary>Small typed readers for step JSON, reporting a wrong field as a problem rather than throwing.</summary>
public static class StepReader
{
    public static IReadOnlyList<string> Strings(JsonObject step, string property, RecipeProblems? problems = null, bool required = false)
    {
        var node = step[property];
        if (node is null)
        {
            if (required)
            {
                problems?.Add($"'{property}' is required.");
            }

            return [];
        }

        if (node is not JsonArray array || array.Any(n => n is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            problems?.Add($"'{property}' must be an array of strings.");
            return [];
        }

        return [.. array.Select(n => n!.GetValue<string>())];
    }

    public static string? String(JsonObject step, string property, RecipeProblems? problems = null, bool required = false)
    {
        var node = step[property];
        if (node is null)
        {
            if (required)
            {
                problems?.Add($"'{property}' is required.");
            }

            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        problems?.Add($"'{property}' must be a string.");
        return null;
    }

    public static IReadOnlyList<JsonObject> Objects(JsonObject step, string property, RecipeProblems? problems = null, bool required = false)
    {
        var node = step[property];
        if (node is null)
        {
            if (required)
            {
                problems?.Add($"'{property}' is required.");
            }

            return [];
        }

        if (node is not JsonArray array || array.Any(n => n is not JsonObject))
        {
            problems?.Add($"'{property}' must be an array of objects.");
            return [];
        }

        return [.. array.Cast<JsonObject>()];
    }

    /// <summary>Reports properties a step does not know: a typo must not be silently ignored.</summary>
    public static void OnlyKnown(JsonObject step, RecipeProblems problems, params string[] known)
    {
        foreach (var (property, _) in step)
        {
            if (property != "name" && !known.Contains(property, StringComparer.Ordinal))
            {
                problems.Add($"unknown field '{property}' (expected: {string.Join(", ", known)}).");
            }
        }
    }
}
