using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

    /// <summary>Refuses a Host or X-Forwarded-Host that cannot be a host name (400), before anything reads it.</summary>
    public static IApplicationBuilder UsePortalHostValidation(this IApplicationBuilder app) =>
        app.UseMiddleware<HostHeaderValidationMiddleware>();

    /// <summary>Accepts only the sites' hosts and the configured ones (400 otherwise).</summary>
    public static IApplicationBuilder UsePortalAllowedHosts(this IApplicationBuilder app) =>
        app.UseMiddleware<AllowedHostsMiddleware>();

    /// <summary>The process's health at <paramref name="path"/>, for GET and HEAD only (405 with Allow otherwise).</summary>
    public static IApplicationBuilder UsePortalHealth(this IApplicationBuilder app, string path)
    {
        app.UseWhen(
            context => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)
                && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method),
            branch => branch.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD";
                return Task.CompletedTask;
            }));
        return app.UseHealthChecks(path);
    }

    /// <summary>
    /// Error statuses without a body: problem details (RFC 9457) under /api, the site's error
    /// page elsewhere.
    /// </summary>
    public static IApplicationBuilder UsePortalStatusCodePages(this IApplicationBuilder app)
    {
        app.UseWhen(context => TenantResolutionMiddleware.IsApiPath(context.Request.Path), branch => branch.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            await Results.Problem(statusCode: context.Response.StatusCode).ExecuteAsync(context);
        }));
        app.UseWhen(context => !TenantResolutionMiddleware.IsApiPath(context.Request.Path), branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }

    /// <summary>Content-Security-Policy with a per-response nonce, nosniff, referrer policy, framing rules and HSTS on https.</summary>
    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<Security.SecurityHeadersMiddleware>();

    /// <summary>In place of <c>UseAuthentication()</c>: request-handling schemes asked only under /connect and /api (<see cref="Security.PortalAuthenticationMiddleware"/>).</summary>
    public static IApplicationBuilder UsePortalAuthentication(this IApplicationBuilder app)
    {
        // The key UseAuthentication() leaves: without it WebApplication adds the framework's
        // middleware again, outermost, and every request would ask OpenIddict's schemes after all.
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app.UseMiddleware<Security.PortalAuthenticationMiddleware>();
    }

    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

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
