using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Portal.Core.Recipes;

/// <summary>
/// The recipes shipped with the installation (<c>recipes/*.recipe.json</c>, copied next to the
/// application) and any recipe file named by path. Files are parsed once and kept.
/// </summary>
public sealed class RecipeCatalog(IOptions<PortalOptions> options)
{
    private readonly ConcurrentDictionary<string, RecipeDocument> _byPath = new(StringComparer.Ordinal);

    public string Folder => string.IsNullOrWhiteSpace(options.Value.RecipesPath)
        ? Path.Combine(AppContext.BaseDirectory, "recipes")
        : Path.GetFullPath(options.Value.RecipesPath);

    /// <summary>The installation's recipes that parse; broken files are reported when named.</summary>
    public IReadOnlyList<RecipeDocument> All()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var result = new List<RecipeDocument>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.recipe.json").Order(StringComparer.Ordinal))
        {
            try
            {
                result.Add(Load(file));
            }
            catch (RecipeException)
            {
                // Listed as missing; naming it (Find) gives the reason.
            }
        }

        return result;
    }

    public IReadOnlyList<RecipeDocument> SetupRecipes() => [.. All().Where(r => r.IsSetupRecipe)];

    /// <summary>A recipe by name (<c>commune</c>) or by path (<c>./my.recipe.json</c>).</summary>
    public RecipeDocument Find(string nameOrPath)
    {
        if (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || nameOrPath.Contains('/', StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(nameOrPath);
            return File.Exists(path)
                ? Load(path)
                : throw new RecipeException(nameOrPath, ["the file does not exist."]);
        }

        var file = Path.Combine(Folder, nameOrPath + ".recipe.json");
        if (File.Exists(file))
        {
            var recipe = Load(file);
            if (string.Equals(recipe.Name, nameOrPath, StringComparison.OrdinalIgnoreCase))
            {
                return recipe;
            }
        }

        return All().FirstOrDefault(r => string.Equals(r.Name, nameOrPath, StringComparison.OrdinalIgnoreCase))
            ?? throw new RecipeException(nameOrPath, [$"no such recipe. Known recipes: {string.Join(", ", All().Select(r => r.Name))}."]);
    }

    private RecipeDocument Load(string path) =>
        _byPath.GetOrAdd(path, p => RecipeParser.Parse(File.ReadAllText(p), p));
}
