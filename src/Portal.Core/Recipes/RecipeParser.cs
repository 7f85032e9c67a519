using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Core.Recipes;

/// <summary>Reads a recipe's JSON and checks its outer shape; step contents are checked by their handlers.</summary>
public static class RecipeParser
{
    private static readonly HashSet<string> KnownProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "displayName", "description", "author", "website", "version", "issetuprecipe",
        "categories", "tags", "variables", "steps", "level",
    };

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static RecipeDocument Parse(string json, string source)
    {
        var label = Path.GetFileName(source);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: Options);
        }
        catch (JsonException ex)
        {
            throw new RecipeException(label, [$"is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}): {FirstSentence(ex.Message)}"]);
        }

        if (root is not JsonObject document)
        {
            throw new RecipeException(label, ["must be a JSON object with 'name' and 'steps'."]);
        }

        var problems = new List<string>();
        foreach (var (property, _) in document)
        {
            if (!KnownProperties.Contains(property))
            {
                problems.Add($"has an unknown property '{property}' (known: {string.Join(", ", KnownProperties)}).");
            }
        }

        var name = Text(document, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add("has no 'name'.");
        }

        var steps = new List<JsonObject>();
        if (document["steps"] is not JsonArray stepArray)
        {
            problems.Add("has no 'steps' array.");
        }
        else
        {
            for (var i = 0; i < stepArray.Count; i++)
            {
                if (stepArray[i] is JsonObject step && step["name"] is JsonValue stepName && stepName.TryGetValue<string>(out var n) && n.Length > 0)
                {
                    steps.Add(step);
                }
                else
                {
                    problems.Add($"step {i + 1} must be an object with a 'name'.");
                }
            }
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document["variables"] is JsonObject variableObject)
        {
            foreach (var (key, value) in variableObject)
            {
                variables[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            }
        }
        else if (document["variables"] is not null)
        {
            problems.Add("'variables' must be an object of names and values.");
        }

        bool isSetup = false;
        if (document["issetuprecipe"] is JsonValue setupValue && !setupValue.TryGetValue(out isSetup))
        {
            problems.Add("'issetuprecipe' must be true or false.");
        }

        if (problems.Count > 0)
        {
            throw new RecipeException(name ?? label, problems);
        }

        return new RecipeDocument
        {
            Name = name!,
            DisplayName = Text(document, "displayName") ?? name!,
            Description = Text(document, "description") ?? "",
            IsSetupRecipe = isSetup,
            Level = Text(document, "level"),
            Variables = variables,
            Steps = steps,
            Source = source,
        };
    }

    private static string? Text(JsonObject document, string property) =>
        document[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
