using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.Core.Recipes;

/// <summary>A recipe checked and expanded (variables filled in, nested recipes inlined), ready to run.</summary>
public sealed class PreparedRecipe
{
    internal PreparedRecipe(RecipeDocument recipe, IReadOnlyList<(string Label, IRecipeStep Handler, JsonObject Step)> steps)
    {
        Recipe = recipe;
        Steps = steps;
    }

    public RecipeDocument Recipe { get; }

    internal IReadOnlyList<(string Label, IRecipeStep Handler, JsonObject Step)> Steps { get; }
}

/// <summary>
/// Validates a whole recipe before anything runs — unknown steps, wrong fields, unknown variables,
/// missing or cyclic nested recipes — then runs its steps in order. Whoever calls it owns the
/// transaction, so a failing step leaves nothing applied.
/// </summary>
public sealed partial class RecipeExecutor(IEnumerable<IRecipeStep> handlers, RecipeCatalog catalog)
{
    private const string NestedStep = "recipes";

    private readonly Dictionary<string, IRecipeStep> _handlers = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> StepNames => _handlers.Keys.Append(NestedStep).Order(StringComparer.Ordinal);

    /// <param name="variables">Values from the caller (tenant.name, tenant.displayName, ...), which win over the recipe's defaults.</param>
    public PreparedRecipe Prepare(RecipeDocument recipe, IReadOnlyDictionary<string, string> variables)
    {
        var problems = new List<string>();
        var steps = new List<(string, IRecipeStep, JsonObject)>();
        Expand(recipe, variables, [recipe.Name], problems, steps);
        return problems.Count > 0 ? throw new RecipeException(recipe.Name, problems) : new PreparedRecipe(recipe, steps);
    }

    public async Task ExecuteAsync(PreparedRecipe prepared, RecipeContext context, CancellationToken cancellationToken)
    {
        foreach (var (label, handler, step) in prepared.Steps)
        {
            try
            {
                await handler.ExecuteAsync(step, context, cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
            {
                throw new RecipeException(prepared.Recipe.Name, [$"{label}: {ex.Message}"]);
            }
        }
    }

    private void Expand(RecipeDocument recipe, IReadOnlyDictionary<string, string> callerVariables, List<string> stack, List<string> problems, List<(string, IRecipeStep, JsonObject)> output)
    {
        var variables = ResolveVariables(recipe, callerVariables, problems);
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var name = recipe.Steps[i]["name"]!.GetValue<string>();
            var label = stack.Count > 1 ? $"step {i + 1} ({name}) of recipe '{recipe.Name}'" : $"step {i + 1} ({name})";
            var stepProblems = new RecipeProblems(label, problems);
            var step = (JsonObject)Substitute(recipe.Steps[i].DeepClone(), variables, stepProblems)!;

            if (name.Equals(NestedStep, StringComparison.OrdinalIgnoreCase))
            {
                StepReader.OnlyKnown(step, stepProblems, "values");
                foreach (var nestedName in StepReader.Strings(step, "values", stepProblems, required: true))
                {
                    RecipeDocument nested;
                    try
                    {
                        nested = catalog.Find(nestedName);
                    }
                    catch (RecipeException ex)
                    {
                        stepProblems.Add($"recipe '{nestedName}': {string.Join(" ", ex.Problems)}");
                        continue;
                    }

                    if (stack.Contains(nested.Name, StringComparer.OrdinalIgnoreCase))
                    {
                        stepProblems.Add($"recipe '{nested.Name}' includes itself ({string.Join(" → ", stack.Append(nested.Name))}).");
                        continue;
                    }

                    Expand(nested, callerVariables, [.. stack, nested.Name], problems, output);
                }

                continue;
            }

            if (!_handlers.TryGetValue(name, out var handler))
            {
                stepProblems.Add($"unknown step '{name}' (known steps: {string.Join(", ", StepNames)}).");
                continue;
            }

            handler.Validate(step, stepProblems);
            output.Add((label, handler, step));
        }
    }

    /// <summary>The recipe's defaults, overridden by the caller's values; defaults may refer to the caller's (tenant.displayName).</summary>
    private static Dictionary<string, string> ResolveVariables(RecipeDocument recipe, IReadOnlyDictionary<string, string> callerVariables, List<string> problems)
    {
        var variables = new Dictionary<string, string>(callerVariables, StringComparer.Ordinal);
        var defaults = new RecipeProblems("variables", problems);
        foreach (var (key, value) in recipe.Variables)
        {
            if (!variables.ContainsKey(key))
            {
                variables[key] = Fill(value, callerVariables, defaults);
            }
        }

        return variables;
    }

    /// <summary>Fills variables into the (already cloned) step in place: only strings holding "{{" are replaced.</summary>
    private static JsonNode? Substitute(JsonNode? node, IReadOnlyDictionary<string, string> variables, RecipeProblems problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (Filled(child, variables, problems) is { } replaced)
                    {
                        obj[key] = replaced;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Filled(array[i], variables, problems) is { } replaced)
                    {
                        array[i] = replaced;
                    }
                }

                break;
        }

        return node;
    }

    /// <summary>A new value for a string that names variables; containers are filled in place (null: keep the node).</summary>
    private static JsonNode? Filled(JsonNode? node, IReadOnlyDictionary<string, string> variables, RecipeProblems problems)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Contains("{{", StringComparison.Ordinal))
        {
            return JsonValue.Create(Fill(text, variables, problems));
        }

        Substitute(node, variables, problems);
        return null;
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> variables, RecipeProblems problems) =>
        VariablePattern().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (variables.TryGetValue(name, out var value))
            {
                return value;
            }

            problems.Add($"unknown variable '{{{{{name}}}}}' (known: {string.Join(", ", variables.Keys.Order(StringComparer.Ordinal))}).");
            return match.Value;
        });

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*\}\}")]
    private static partial Regex VariablePattern();
}
