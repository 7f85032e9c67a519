using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;

namespace Portal.Core.Hosting;

public static class PortalApplicationBuilderExtensions
{
    /// <summary>
    /// Tenant resolution, then routing, then the feature gate. Call before authentication so that
    /// the authentication handlers see the tenant's PathBase.
    /// </summary>
    public static IApplicationBuilder UsePortalTenants(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();

    public static IApplicationBuilder UsePortalFeatureGate(this IApplicationBuilder app) =>
        app.UseMiddleware<FeatureGateMiddleware>();

    /// <summary>Maps MVC controllers and every module's own endpoints, tagged with the module's feature.</summary>
    public static IEndpointRouteBuilder MapPortalModules(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapControllers();
        foreach (var startup in endpoints.ServiceProvider.GetRequiredService<ModuleCatalog>().Startups)
        {
            var group = endpoints.MapGroup("").WithMetadata(new FeatureMetadata(startup.FeatureId));
            startup.MapRoutes(group);
        }

        return endpoints;
    }
}
