using System.Runtime.CompilerServices;
using System.Text.Json;
using Portal.Core.Tenancy;

namespace Portal.Core.Navigation;

/// <summary>
/// A site's own main menu, set by a recipe's <c>menu</c> step in its settings. Parsed once per
/// tenant snapshot: the table is keyed by the tenant object, which is replaced when the site changes.
/// </summary>
internal static class SiteMenus
{
    private static readonly ConditionalWeakTable<Tenant, IReadOnlyList<MenuEntry>?> Parsed = [];

    public static IReadOnlyList<MenuEntry>? Of(Tenant tenant) => Parsed.GetValue(tenant, Parse);

    private static IReadOnlyList<MenuEntry>? Parse(Tenant tenant)
    {
        if (tenant.Setting(Recipes.Steps.MenuStep.SettingKey) is not { } json)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var entries = new List<MenuEntry>();
            var order = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var text = item.TryGetProperty("text", out var t) ? t.GetString() : null;
                var url = item.TryGetProperty("url", out var u) ? u.GetString() : null;
                if (text is null || url is null)
                {
                    continue;
                }

                var feature = item.TryGetProperty("feature", out var f) ? f.GetString() ?? "" : "";
                entries.Add(new MenuEntry(text, url, order++) { FeatureId = feature });
            }

            return entries;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A broken menu setting must not take the site down; the modules' menu is used instead.
            return null;
        }
    }
}
