using System.Text.Json.Nodes;
using Portal.Core.Modules;

namespace Portal.Core.Recipes.Steps;

/// <summary>
/// <c>{ "name": "menu", "items": [ { "text": "Tin tức", "url": "~/tin-tuc", "feature": "Portal.News" } ] }</c>
/// — the site's main menu, replaced whole. An item naming a feature shows only where that feature
/// is installed and enabled, so one province recipe can list sections that come with later modules.
/// </summary>
internal sealed class MenuStep : IRecipeStep
{
    public const string SettingKey = "mainMenu";

    public string Name => "menu";

    public void Validate(JsonObject step, RecipeProblems problems)
    {
        StepReader.OnlyKnown(step, problems, "items");
        foreach (var item in StepReader.Objects(step, "items", problems, required: true))
        {
            StepReader.OnlyKnown(item, problems, "text", "url", "feature");
            var text = StepReader.String(item, "text", problems, required: true);
            var url = StepReader.String(item, "url", problems, required: true);
            StepReader.String(item, "feature", problems);
            if (url is not null && !url.StartsWith("~/", StringComparison.Ordinal) && !url.StartsWith("https://", StringComparison.Ordinal) && !url.StartsWith("http://", StringComparison.Ordinal))
            {
                problems.Add($"menu item '{text}': url '{url}' must start with ~/ (a page of the site) or http(s)://.");
            }
        }
    }

    public Task ExecuteAsync(JsonObject step, RecipeContext context, CancellationToken cancellationToken)
    {
        var settings = SettingsStep.ParseObject(context.Tenant.Settings);
        settings[SettingKey] = step["items"]!.DeepClone();
        context.Tenant.Settings = settings.ToJsonString();
        return Task.CompletedTask;
    }
}
