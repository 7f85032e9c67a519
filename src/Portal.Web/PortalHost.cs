using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.HttpOverrides;
using Portal.Core;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Core.Persistence;

namespace Portal.Web;

/// <summary>The composition root: configuration, modules, and the order of the middleware.</summary>
internal static class PortalHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        var modules = ModuleCatalog.FromApplicationDirectory();
        builder.Services.AddPortal(builder.Configuration, builder.Environment, modules);
        builder.Services.AddHealthChecks().AddDbContextCheck<PortalDbContext>();
        builder.Services.AddProblemDetails();

        // /openapi/v1.json documents the HTTP API only, not the admin's and the public site's pages.
        builder.Services.AddOpenApi(ApiDocument.Configure);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<PortalOptions>>((options, portal) =>
            ForwardedHeadersSetup.Apply(options, portal.Value.ForwardedHeaders));

        // Keys in the database, so sign-in cookies survive a restart and every node accepts them.
        builder.Services.AddDataProtection().SetApplicationName("Portal.Orchard");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void Configure(WebApplication app)
    {
        // The exception handler wraps the whole pipeline: nothing, not even host handling, answers an empty 500.
        app.UseExceptionHandler("/error/500");
        app.UsePortalHostValidation();
        // With no known proxy the framework's middleware would believe every sender (empty lists
        // mean "any"), so without configured proxies it is not used at all.
        if (app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.ForwardedHeaders is { } forwarded
            && (forwarded.KnownProxies.Count > 0 || forwarded.KnownNetworks.Count > 0))
        {
            app.UseForwardedHeaders();
        }

        app.UsePortalHealth("/health");
        app.UsePortalAllowedHosts();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => file.Context.Response.Headers.XContentTypeOptions = "nosniff" });
        app.UsePortalTenants();
        app.UsePortalSecurityHeaders();
        app.UsePortalStatusCodePages();
        app.UseRouting();
        app.UsePortalFeatureGate();
        app.UseRateLimiter();
        app.UsePortalAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.MapPortalModules();
        app.MapOpenApi();
    }
}
