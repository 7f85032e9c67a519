using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Search.Models;

namespace Portal.Search.Services;

/// <summary>
/// Counts the queries that found nothing in memory and writes them every <see cref="Interval"/>,
/// one transaction per site (a search never waits on a write). Rows not seen for
/// <see cref="Window"/> are dropped at the site's next write. What is still in memory at a crash is
/// lost; at a normal stop it is written.
/// </summary>
internal sealed partial class SearchMissLog(TenantCatalog catalog, TenantScopeFactory scopes, TimeProvider clock, ILogger<SearchMissLog> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>The list shows the misses of this window; older rows go.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>Distinct queries held between two writes, across sites: a flood of random queries costs bounded memory.</summary>
    public const int MaxPending = 10_000;

    private ConcurrentDictionary<(int TenantId, string Query), Pending> _pending = new();

    /// <summary>Distinct queries added since the last write (a soft count: ConcurrentDictionary.Count takes every lock).</summary>
    private int _distinct;

    public void Record(int tenantId, string query)
    {
        var typed = Cut(SearchRefinementText.Tidy(query));
        var normalized = Cut(SearchRefinementText.Normalize(typed));
        var pending = _pending;
        var key = (tenantId, normalized);
        if (normalized.Length == 0 || (Volatile.Read(ref _distinct) >= MaxPending && !pending.ContainsKey(key)))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        pending.AddOrUpdate(
            key,
            _ =>
            {
                Interlocked.Increment(ref _distinct);
                return new Pending(1, typed, now, now);
            },
            (_, p) => p with { Count = p.Count + 1, LastQuery = typed, LastUtc = now });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = Interlocked.Exchange(ref _pending, new());
        Interlocked.Exchange(ref _distinct, 0);
        foreach (var site in batch.GroupBy(e => e.Key.TenantId))
        {
            if (catalog.FindById(site.Key) is not { } tenant)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateScope(tenant);
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

                // First the rows out of the window, so a query that returns after a month counts from one.
                var cutoff = clock.GetUtcNow().UtcDateTime - Window;
                await db.Set<SearchMiss>().Where(m => m.LastSeenUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
                foreach (var (key, miss) in site)
                {
                    // One statement whatever the row's state, and no lost count when two nodes add
                    // the same new query at once (the same SQL on SQLite and PostgreSQL).
                    await db.Database.ExecuteSqlAsync(
                        $"""
                        INSERT INTO "SearchMisses" ("TenantId", "NormalizedQuery", "LastQuery", "Count", "FirstSeenUtc", "LastSeenUtc")
                        VALUES ({tenant.Id}, {key.Query}, {miss.LastQuery}, {miss.Count}, {miss.FirstUtc}, {miss.LastUtc})
                        ON CONFLICT ("TenantId", "NormalizedQuery") DO UPDATE SET "Count" = "SearchMisses"."Count" + excluded."Count", "LastQuery" = excluded."LastQuery", "LastSeenUtc" = excluded."LastSeenUtc"
                        """,
                        cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFlushFailed(logger, tenant.Name, ex);
            }
        }
    }

    private static string Cut(string text) => text.Length > SearchRefinementsModel.QueryLength ? text[..SearchRefinementsModel.QueryLength].TrimEnd() : text;

    private sealed record Pending(int Count, string LastQuery, DateTime FirstUtc, DateTime LastUtc);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the search misses of {Tenant}.")]
    private static partial void LogFlushFailed(ILogger logger, string tenant, Exception ex);
}
