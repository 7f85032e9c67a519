using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Text;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>
/// <c>{ "name": "news-categories", "categories": [ { "slug": "tin-trong-tinh", "name": "Tin trong tỉnh", "parent": null } ] }</c>
/// — each category created or renamed by slug; categories not named are left alone.
/// </summary>
internal sealed class NewsCategoriesStep : IRecipeStep
{
    public string Name => "news-categories";

    public void Validate(JsonObject step, RecipeProblems problems)
    {
        StepReader.OnlyKnown(step, problems, "categories");
        foreach (var category in StepReader.Objects(step, "categories", problems, required: true))
        {
            StepReader.OnlyKnown(category, problems, "slug", "name", "parent");
            var slug = StepReader.String(category, "slug", problems, required: true);
            StepReader.String(category, "name", problems, required: true);
            StepReader.String(category, "parent", problems);
            if (slug is not null && !Slugs.IsValid(slug))
            {
                problems.Add($"category slug '{slug}' must be lower-case letters, digits and hyphens.");
            }
        }
    }

    public async Task ExecuteAsync(JsonObject step, RecipeContext context, CancellationToken cancellationToken)
    {
        var db = context.Services.GetRequiredService<PortalDbContext>();
        var order = 0;
        foreach (var definition in StepReader.Objects(step, "categories"))
        {
            var slug = StepReader.String(definition, "slug")!;
            var category = await db.Set<NewsCategory>().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
            if (category is null)
            {
                category = new NewsCategory { Slug = slug };
                db.Add(category);
            }

            category.Name = StepReader.String(definition, "name")!;
            category.ParentSlug = StepReader.String(definition, "parent");
            category.Order = order++;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
