using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Core.Recipes.Steps;

/// <summary>
/// <c>{ "name": "settings", "values": { "hotline": "...", "responsibleUnit": "..." } }</c> — merged
/// into the site's settings; values not named are kept. <c>null</c> removes a setting.
/// </summary>
internal sealed class SettingsStep : IRecipeStep
{
    public string Name => "settings";

    public void Validate(JsonObject step, RecipeProblems problems)
    {
        StepReader.OnlyKnown(step, problems, "values");
        if (step["values"] is not JsonObject values)
        {
            problems.Add("'values' must be an object of setting names and values.");
        }
        else if (values[Hosting.SiteUrls.CanonicalUrlSetting] is { } canonical
            && (canonical.GetValueKind() != JsonValueKind.String || !Hosting.SiteUrls.IsValidBase(canonical.GetValue<string>())))
        {
            problems.Add($"'{Hosting.SiteUrls.CanonicalUrlSetting}' must be an absolute http or https address without query, such as https://anhoa.gov.vn.");
        }
    }

    public Task ExecuteAsync(JsonObject step, RecipeContext context, CancellationToken cancellationToken)
    {
        var settings = ParseObject(context.Tenant.Settings);
        foreach (var (key, value) in (JsonObject)step["values"]!)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value.DeepClone();
            }
        }

        context.Tenant.Settings = settings.ToJsonString();
        return Task.CompletedTask;
    }

    internal static JsonObject ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
