using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Portal.Core.Calendar;
using Portal.Core.Caching;
using Portal.Core.Contents;
using Portal.Core.Forms;
using Portal.Core.Forms.Challenge;
using Portal.Core.Html;
using Portal.Core.Mail;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Recipes.Steps;
using Portal.Core.Scheduling;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Core.Hosting;

public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// Registers the kernel and every loaded module in the one container of the process.
    /// Nothing here is per tenant: tenants differ only by their row and their data.
    /// </summary>
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, ModuleCatalog modules)
    {
        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.Section));
        services.AddSingleton(modules);
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<TenantCatalog>();
        services.AddScoped<TenantContext>();
        services.AddSingleton<TenantScopeFactory>();
        services.AddSingleton<TenantManager>();
        services.AddSingleton<PortalInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<PortalInitializer>());
        services.AddSingleton<IDatabaseChangeCheck>(sp => sp.GetRequiredService<TenantCatalog>());
        services.AddHostedService<DatabaseChangeRefresher>();
        services.AddHostedService<SqliteStatistics>();

        // The options are built once: built per scope (the default), EF Core re-validated them and
        // looked up its internal service provider on every request.
        services.AddDbContext<PortalDbContext>(
            (sp, options) => PortalDatabase.Configure(options, sp.GetRequiredService<IOptions<PortalOptions>>().Value, environment.ContentRootPath),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);

        services.AddScoped<IPermissionService, PermissionService>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<IAuthorizationHandler, PermissionOrScopeHandler>();
        services.AddSingleton<IAuthorizationHandler, ApiScopeHandler>();
        services.AddScoped<MenuBuilder>();

        // One antiforgery cookie for every site on a host: per-prefix cookies (path /xa-a, /XA-A)
        // would shadow each other and fail forms with 400.
        services.AddAntiforgery(options => options.Cookie.Path = "/");

        // Vietnamese text is written as itself, not as &#x...; entities (smaller pages, readable source).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<HtmlSanitizer>();

        // Every module's rate limit refuses the same way: 429, Retry-After, problem details under /api.
        Microsoft.AspNetCore.Builder.RateLimiterServiceCollectionExtensions.AddRateLimiter(services, RateLimitRejection.Configure);

        // The public forms' anti-bot check: tickets of the current site, used tickets remembered per process.
        services.AddScoped<IFormChallenge, ProofOfWorkChallenge>();
        services.AddSingleton<UsedChallengeTickets>();

        services.AddOutputCache(options => options.AddPolicy(PublicPageCachePolicy.Name, new PublicPageCachePolicy()));
        services.AddSingleton<ClusterEvents>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterEvents>());
        services.AddSingleton<LocalCacheEvictor>();
        services.AddScoped<ITenantCacheInvalidator, OutputCacheInvalidator>();
        services.AddSingleton<CacheEvictionListener>();
        services.AddHostedService(sp => sp.GetRequiredService<CacheEvictionListener>());
        services.AddScoped<IContentEventHandler, ContentCacheEviction>();
        services.AddScoped<IContentEventHandler, ContentFeed>();
        services.AddScoped<Search.SearchQueue>();
        services.AddScoped<IContentEventHandler>(sp => sp.GetRequiredService<Search.SearchQueue>());
        services.AddScoped<ContentFeedReader>();

        services.AddScoped<ContentManager>();
        services.AddScoped<ContentUpload>();
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());

        // Mail leaves through the outbox only: modules queue in their unit of work, one sender per process delivers.
        services.AddScoped<IMailOutbox, MailOutbox>();
        services.AddScoped<MailQueue>();
        services.AddSingleton<IMailTransport>(sp => MailTransports.Create(sp.GetRequiredService<IOptions<PortalOptions>>().Value, environment.ContentRootPath));
        services.AddSingleton<MailOutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<MailOutboxSender>());

        // Periodic jobs of the kernel and the modules: one scheduler per process, each period run once across nodes.
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        services.AddScheduledJob<MailOutboxPruning>();

        services.AddSingleton<RecipeCatalog>();
        services.AddSingleton<RecipeExecutor>();
        services.AddSingleton<IRecipeStep, FeatureStep>();
        services.AddSingleton<IRecipeStep, ThemesStep>();
        services.AddSingleton<IRecipeStep, SettingsStep>();
        services.AddSingleton<IRecipeStep, MenuStep>();
        services.AddSingleton<IRecipeStep, ContentStep>();
        services.AddSingleton<IRecipeStep, CalendarStep>();

        // The working-day calendar: one for the installation (the holidays are national).
        services.AddSingleton<WorkingDayCalendar>();
        services.AddSingleton<IWorkingDayCalendar>(sp => sp.GetRequiredService<WorkingDayCalendar>());
        services.AddSingleton<IDatabaseChangeCheck>(sp => sp.GetRequiredService<WorkingDayCalendar>());
        services.AddScoped(sp => new CalendarAdministration(sp.GetRequiredService<PortalDbContext>(), sp.GetRequiredService<WorkingDayCalendar>(), sp.GetRequiredService<TimeProvider>()));

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new ControlCharacterFilter());
                options.Filters.Add(new OversizedUploadFilter());
                options.Filters.Add(new BlankRouteValueFilter());
                options.ModelBinderProviders.Insert(0, new StrictBooleanModelBinderProvider());
                options.Conventions.Add(new FeatureControllerConvention(modules));
            })
            .ConfigureApplicationPartManager(parts =>
            {
                foreach (var assembly in modules.ModuleAssemblies.Concat(modules.ThemeAssemblies))
                {
                    if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
                    {
                        parts.ApplicationParts.Add(new AssemblyPart(assembly));
                    }
                }
            });
        services.AddSingleton<IHtmlGenerator, SafeHtmlGenerator>();
        services.Configure<RazorViewEngineOptions>(options => options.ViewLocationExpanders.Add(new ThemeViewLocationExpander()));

        foreach (var startup in modules.Startups)
        {
            startup.ConfigureServices(services, configuration);
        }

        return services;
    }
}
