using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Persistence;

namespace Portal.Core.Caching;

/// <summary>
/// One loop for the process (never one per site) that carries <see cref="CacheEviction"/> rows
/// written by other processes into this one's output cache. On SQLite it reads the rows after the
/// last one it saw, every <see cref="PortalOptions.CacheEvictionPollMilliseconds"/>: one query on
/// the primary key on its own open connection, returning nothing almost always — a constant cost,
/// the same at 4,000 sites as at one. SQLite has one writer at a time, so ids are committed in
/// order and "after the last id seen" misses nothing. On PostgreSQL the rows reach the nodes as
/// NOTIFY (the table's trigger, <see cref="ClusterEvents"/>), so the loop only prunes. Rows older
/// than an hour are deleted: a cached page lives ten minutes, and a process that starts has an
/// empty cache and begins after the newest row.
/// </summary>
internal sealed partial class CacheEvictionListener(
    LocalCacheEvictor local,
    IServiceScopeFactory scopes,
    IOptions<PortalOptions> options,
    TimeProvider clock,
    ILogger<CacheEvictionListener> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    private SqliteConnection? _connection;
    private SqliteCommand? _poll;
    private long _lastSeen = -1;
    private long _polls;

    /// <summary>Polls made since start (the measured cost of the SQLite signal).</summary>
    internal long Polls => Interlocked.Read(ref _polls);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sqlite = options.Value.Database.Provider == DatabaseProvider.Sqlite;
        var period = sqlite ? TimeSpan.FromMilliseconds(Math.Max(50, options.Value.CacheEvictionPollMilliseconds)) : PruneEvery;
        var nextPrune = clock.GetUtcNow();
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            do
            {
                try
                {
                    if (sqlite)
                    {
                        await PollAsync(stoppingToken);
                    }

                    if (clock.GetUtcNow() >= nextPrune)
                    {
                        nextPrune = clock.GetUtcNow() + PruneEvery;
                        await PruneAsync(stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                    await CloseAsync();
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await CloseAsync();
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (_poll is null)
        {
            await OpenAsync(cancellationToken);
        }

        Interlocked.Increment(ref _polls);
        _poll!.Parameters[0].Value = _lastSeen;
        HashSet<(int, bool)>? seen = null;
        await using (var reader = await _poll.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                _lastSeen = reader.GetInt64(0);
                seen ??= [];
                seen.Add((reader.GetInt32(1), reader.GetBoolean(2)));
            }
        }

        foreach (var (tenantId, below) in seen ?? [])
        {
            local.Evict(tenantId, below);
        }
    }

    /// <summary>Opens the loop's own connection and starts after the newest row: this process's cache holds nothing older.</summary>
    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetConnectionString()
                ?? throw new InvalidOperationException("The SQLite connection string is not set.");
        }

        _connection = new SqliteConnection(connectionString);
        await _connection.OpenAsync(cancellationToken);
        if (_lastSeen < 0)
        {
            await using var newest = _connection.CreateCommand();
            newest.CommandText = """SELECT COALESCE(MAX("Id"), 0) FROM "CacheEvictions" """;
            _lastSeen = Convert.ToInt64(await newest.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        _poll = _connection.CreateCommand();
        _poll.CommandText = """SELECT "Id", "TenantId", "Below" FROM "CacheEvictions" WHERE "Id" > $last ORDER BY "Id" LIMIT 1000""";
        _poll.Parameters.Add("$last", SqliteType.Integer);
        _poll.Prepare();
    }

    private async Task CloseAsync()
    {
        if (_poll is not null)
        {
            await _poll.DisposeAsync();
            _poll = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - KeepFor;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<CacheEviction>()
            .Where(e => e.CreatedUtc < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read or prune the cache-eviction signals; retrying.")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
