using System.Text.Json.Nodes;

namespace Portal.Core.Recipes;

/// <summary>
/// Handles one kind of recipe step (<c>feature</c>, <c>roles</c>, <c>content</c>, ...). Modules
/// register theirs in DI. <see cref="Validate"/> runs for every step before any step executes;
/// <see cref="ExecuteAsync"/> must be idempotent: running a step twice leaves the state of once.
/// </summary>
public interface IRecipeStep
{
    string Name { get; }

    void Validate(JsonObject step, RecipeProblems problems);

    Task ExecuteAsync(JsonObject step, RecipeContext context, CancellationToken cancellationToken);
}

/// <summary>Problems found while validating one step; each message is prefixed with the step.</summary>
public sealed class RecipeProblems(string stepLabel, List<string> sink)
{
    public string StepLabel { get; } = stepLabel;

    public int Count => sink.Count;

    public void Add(string message) => sink.Add($"{StepLabel}: {message}");

    /// <summary>Problems of a part of the step (an item), labelled with it, in the same list.</summary>
    public RecipeProblems For(string part) => new($"{StepLabel}, {part}", sink);
}
