using System.Text.Json.Nodes;
using Portal.Core.Modules;

namespace Portal.Core.Recipes.Steps;

/// <summary><c>{ "name": "themes", "site": "Gov" }</c> — the public theme of the site.</summary>
internal sealed class ThemesStep(ModuleCatalog modules) : IRecipeStep
{
    public string Name => "themes";

    public void Validate(JsonObject step, RecipeProblems problems)
    {
        // The admin theme is the installation's, not a site's: only "site" is a step field.
        StepReader.OnlyKnown(step, problems, "site");
        if (StepReader.String(step, "site", problems, required: true) is { } theme && !modules.Themes.Any(t => !t.IsAdmin && t.Name == theme))
        {
            problems.Add($"unknown theme '{theme}' (installed: {string.Join(", ", modules.Themes.Where(t => !t.IsAdmin).Select(t => t.Name))}).");
        }
    }

    public Task ExecuteAsync(JsonObject step, RecipeContext context, CancellationToken cancellationToken)
    {
        context.Tenant.Theme = StepReader.String(step, "site")!;
        return Task.CompletedTask;
    }
}
