using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Core.Persistence;

/// <summary>Chooses and configures the database provider from <c>Portal:Database</c>.</summary>
public static class PortalDatabase
{
    public static void Configure(DbContextOptionsBuilder options, PortalOptions portal, string contentRoot)
    {
        switch (portal.Database.Provider)
        {
            case DatabaseProvider.Postgres:
                var connectionString = portal.Database.ConnectionString;
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Portal:Database:ConnectionString is required when Portal:Database:Provider is Postgres.");
                }

                options.UseNpgsql(connectionString);
                break;
            default:
                options.UseSqlite(SqliteConnectionString(portal, contentRoot));
                options.AddInterceptors(SqliteConnectionSettings.Instance);
                break;
        }

        options.ReplaceService<IMigrationsAssembly, PortalMigrationsAssembly>();
        options.AddInterceptors(Caching.AfterCommitEviction.Interceptors);

        // Hand-written migrations have no model snapshot to compare with; the schema test does that job.
        // Capped counts (COUNT over TAKE n, e.g. "more than 1,000 documents") need no order; an
        // ORDER BY there made SQLite choose worse plans. The warning stays visible at Debug.
        options.ConfigureWarnings(w => w
            .Ignore(RelationalEventId.PendingModelChangesWarning)
            .Log((CoreEventId.RowLimitingOperationWithoutOrderByWarning, Microsoft.Extensions.Logging.LogLevel.Debug)));
    }

    public static string DataPath(PortalOptions portal, string contentRoot) =>
        Path.GetFullPath(Path.Combine(contentRoot, portal.DataPath));

    public static string SqliteConnectionString(PortalOptions portal, string contentRoot) =>
        string.IsNullOrWhiteSpace(portal.Database.ConnectionString)
            ? $"Data Source={Path.Combine(DataPath(portal, contentRoot), "portal.db")};Pooling=True"
            : portal.Database.ConnectionString;
}
