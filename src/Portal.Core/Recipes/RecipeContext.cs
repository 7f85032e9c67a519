using Portal.Core.Tenancy;

namespace Portal.Core.Recipes;

/// <summary>
/// What a step acts on: the site (a tracked row, so a step may change its features, theme or
/// settings) and the site's unit of work (services resolved here act for that site, inside the
/// transaction that wraps the whole recipe).
/// </summary>
public sealed class RecipeContext(Tenant tenant, IServiceProvider services)
{
    public Tenant Tenant { get; } = tenant;

    public IServiceProvider Services { get; } = services;
}
