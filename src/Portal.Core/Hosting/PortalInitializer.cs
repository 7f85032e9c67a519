using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core.Modules;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Setup;
using Portal.Core.Tenancy;

namespace Portal.Core.Hosting;

/// <summary>
/// Brings the schema up to date, loads the tenants and, on an empty database, sets up the default
/// tenant. Runs before the server listens (StartingAsync) and before every CLI verb.
/// </summary>
public sealed class PortalInitializer(
    IServiceScopeFactory scopes,
    TenantCatalog catalog,
    TenantManager tenants,
    ModuleCatalog modules,
    IOptions<PortalOptions> options,
    IHostEnvironment environment) : IHostedLifecycleService
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var portal = options.Value;
        if (portal.Database.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(PortalDatabase.DataPath(portal, environment.ContentRootPath));
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var startupLock = await DatabaseLock.AcquireAsync(db, DatabaseLock.Startup, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await EnableAlwaysEnabledFeaturesAsync(db, cancellationToken);
        await catalog.ReloadAsync(cancellationToken);
        if (catalog.Default is null && portal.AutoSetup.Recipe is { Length: > 0 } recipe)
        {
            var demo = portal.AutoSetup.Demo ?? environment.IsDevelopment();
            await tenants.ProvisionAsync(
                new TenantRequest
                {
                    Name = Tenant.DefaultName,
                    DisplayName = portal.AutoSetup.DisplayName,
                    Level = nameof(TenantLevel.Province),
                    Recipe = recipe,
                    Prefix = "",
                },
                demo: false,
                cancellationToken);

            // The demo comes after the province's setup, with the demo's sites below it (DemoSites).
            if (demo)
            {
                await DemoSites.SetUpAsync(
                    tenants, catalog, scope.ServiceProvider.GetRequiredService<RecipeCatalog>(),
                    scope.ServiceProvider.GetRequiredService<Calendar.WorkingDayCalendar>(), cancellationToken);
            }
        }

        // After the setup recipe, which may have seeded it: the first deadline asks no database.
        await scope.ServiceProvider.GetRequiredService<Calendar.WorkingDayCalendar>().ReloadAsync(cancellationToken);
    }

    /// <summary>
    /// A site made before an always-enabled feature existed (the API tokens came after the first
    /// sites) gets it now: such a feature is part of every site, and a site without it answers 404
    /// on the feature's routes. Always-enabled features keep no per-site setup, so adding the id is
    /// the whole upgrade. One read of every site's features; writes only for the sites that lack one.
    /// </summary>
    private async Task EnableAlwaysEnabledFeaturesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var always = modules.Features.Where(f => f.AlwaysEnabled).Select(f => f.Id).ToList();
        if (always.Count == 0)
        {
            return;
        }

        var changed = false;
        foreach (var tenant in await db.Tenants.ToListAsync(cancellationToken))
        {
            if (always.All(tenant.HasFeature))
            {
                continue;
            }

            // Ids of features no longer installed stay as they were: this only adds.
            tenant.Features = [.. modules.Expand(tenant.Features, out var unknown), .. unknown];
            tenant.UpdatedUtc = DateTime.UtcNow;
            changed = true;
        }

        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
