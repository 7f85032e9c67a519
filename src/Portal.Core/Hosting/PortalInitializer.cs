using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core.Persistence;
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

        await catalog.ReloadAsync(cancellationToken);
        if (catalog.Default is null && portal.AutoSetup.Recipe is { Length: > 0 } recipe)
        {
            await tenants.ProvisionAsync(
                new TenantRequest
                {
                    Name = Tenant.DefaultName,
                    DisplayName = portal.AutoSetup.DisplayName,
                    Level = nameof(TenantLevel.Province),
                    Recipe = recipe,
                    Prefix = "",
                },
                demo: portal.AutoSetup.Demo ?? environment.IsDevelopment(),
                cancellationToken);
        }

        // After the setup recipe, which may have seeded it: the first deadline asks no database.
        await scope.ServiceProvider.GetRequiredService<Calendar.WorkingDayCalendar>().ReloadAsync(cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
