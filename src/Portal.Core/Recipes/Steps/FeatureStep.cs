using System.Text.Json.Nodes;
using Portal.Core.Modules;

namespace Portal.Core.Recipes.Steps;

/// <summary><c>{ "name": "feature", "enable": [...], "disable": [...] }</c> — dependencies come along; always-on features stay on.</summary>
internal sealed class FeatureStep(ModuleCatalog modules) : IRecipeStep
{
    public string Name => "feature";

    public void Validate(JsonObject step, RecipeProblems problems)
    {
        StepReader.OnlyKnown(step, problems, "enable", "disable");
        foreach (var id in StepReader.Strings(step, "enable", problems).Concat(StepReader.Strings(step, "disable", problems)))
        {
            if (!modules.HasFeature(id))
            {
                problems.Add($"unknown feature '{id}' (installed: {string.Join(", ", modules.Features.Select(f => f.Id))}).");
            }
        }

        foreach (var id in StepReader.Strings(step, "disable"))
        {
            if (modules.Features.FirstOrDefault(f => f.Id == id) is { AlwaysEnabled: true })
            {
                problems.Add($"feature '{id}' cannot be disabled.");
            }
        }
    }

    public Task ExecuteAsync(JsonObject step, RecipeContext context, CancellationToken cancellationToken)
    {
        var disable = StepReader.Strings(step, "disable");
        var wanted = context.Tenant.Features.Concat(StepReader.Strings(step, "enable")).Where(f => !disable.Contains(f));
        context.Tenant.Features = [.. modules.Expand(wanted, out _)];
        return Task.CompletedTask;
    }
}
