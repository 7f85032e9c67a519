using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Tenancy;

namespace Portal.Core.Hosting;

/// <summary>
/// Looks in the tenant's theme first, then the admin theme, then the module's own views, so a
/// theme can override any module view by placing one of the same name under
/// <c>/Themes/{Theme}/Views/{Area}/{Controller}/</c> or <c>/Themes/{Theme}/Views/Shared/</c>.
/// </summary>
internal sealed class ThemeViewLocationExpander : IViewLocationExpander
{
    private const string ThemeKey = "theme";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        var tenant = context.ActionContext.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        context.Values[ThemeKey] = tenant.IsResolved ? tenant.Tenant.Theme : "";
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        var catalog = context.ActionContext.HttpContext.RequestServices.GetRequiredService<ModuleCatalog>();
        var locations = new List<string>();
        if (context.Values.TryGetValue(ThemeKey, out var theme) && !string.IsNullOrEmpty(theme))
        {
            locations.Add($"/Themes/{theme}/Views/{{2}}/{{1}}/{{0}}.cshtml");
            locations.Add($"/Themes/{theme}/Views/Shared/{{0}}.cshtml");
        }

        foreach (var admin in catalog.Themes.Where(t => t.IsAdmin))
        {
            locations.Add($"/Themes/{admin.Name}/Views/Shared/{{0}}.cshtml");
        }

        return locations.Concat(viewLocations);
    }
}
