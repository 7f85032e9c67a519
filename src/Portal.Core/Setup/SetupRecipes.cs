using Portal.Core.Tenancy;

namespace Portal.Core.Setup;

/// <summary>
/// The built-in setup recipes: which features each kind of site starts with. A first cut until
/// the JSON recipe engine lands (recipes/*.recipe.json); the names are the ones it will use.
/// </summary>
public static class SetupRecipes
{
    public const string AllFeatures = "*";

    private static readonly Dictionary<string, (TenantLevel Level, string[] Features)> Recipes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["province"] = (TenantLevel.Province, [AllFeatures]),
        ["department"] = (TenantLevel.Department, [AllFeatures]),
        ["district"] = (TenantLevel.District, [AllFeatures]),
        ["commune"] = (TenantLevel.Commune, ["Portal.Pages"]),
    };

    public static IEnumerable<string> Names => Recipes.Keys;

    public static bool Exists(string name) => Recipes.ContainsKey(name);

    public static IReadOnlyList<string> FeaturesOf(string name) => Recipes[name].Features;

    public static TenantLevel LevelOf(string name) => Recipes[name].Level;
}
