using Microsoft.AspNetCore.DataProtection;
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
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);

        // Keys under the data path, so sign-in cookies survive a restart.
        var portal = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var keys = Path.Combine(PortalDatabase.DataPath(portal, builder.Environment.ContentRootPath), "keys");
        builder.Services.AddDataProtection().SetApplicationName("Portal.Orchard").PersistKeysToFileSystem(new DirectoryInfo(keys));

        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void Configure(WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseStaticFiles();
        app.UseHealthChecks("/health");
        app.UsePortalTenants();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRouting();
        app.UsePortalFeatureGate();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPortalModules();
    }
}
