namespace Portal.Core.Recipes;

/// <summary>A recipe that cannot run: every problem found, each naming the step (nothing has been applied).</summary>
public sealed class RecipeException(string recipe, IReadOnlyList<string> problems)
    : Exception($"Recipe '{recipe}': {string.Join(" ", problems)}")
{
    public string Recipe { get; } = recipe;

    public IReadOnlyList<string> Problems { get; } = problems;
}
