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
/// last one it saw, every <see cref="PortalOptions.CacheEvictionPollMilliseconds"/>: one MAX(Id)
/// on the primary key on its own open connection, answered from the end of the b-tree, and the
/// rows themselves only when it moved — a constant cost, the same at 4,000 sites as at one. SQLite has one writer at a time, so ids are committed in
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
    private SqliteCommand? _newest;
    private SqliteCommand? _after;
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
        if (_newest is null)
        {
            await OpenAsync(cancellationToken);
        }

        // The newest id: the end of the primary key's b-tree, constant time whatever the table's
        // size or statistics (the full ANALYZE sees this churning table nearly empty, and SQLite
        // then scans it for "Id > ?" rather than seek).
        Interlocked.Increment(ref _polls);
        var newest = Convert.ToInt64(await _newest!.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (newest <= _lastSeen)
        {
            return;
        }

        _after!.Parameters[0].Value = _lastSeen;
        _after.Parameters[1].Value = newest;
        var seen = new HashSet<(int, bool)>();
        await using (var reader = await _after.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                seen.Add((reader.GetInt32(0), reader.GetBoolean(1)));
            }
        }

        _lastSeen = newest;
        foreach (var (tenantId, below) in seen)
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
        _newest = _connection.CreateCommand();
        _newest.CommandText = """SELECT COALESCE(MAX("Id"), 0) FROM "CacheEvictions" """;
        _newest.Prepare();
        if (_lastSeen < 0)
        {
            _lastSeen = Convert.ToInt64(await _newest.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        _after = _connection.CreateCommand();
        _after.CommandText = """SELECT DISTINCT "TenantId", "Below" FROM "CacheEvictions" WHERE "Id" > $after AND "Id" <= $newest AND "Origin" <> $origin""";
        _after.Parameters.Add("$after", SqliteType.Integer);
        _after.Parameters.Add("$newest", SqliteType.Integer);
        _after.Parameters.Add("$origin", SqliteType.Integer).Value = local.Origin;
        _after.Prepare();
    }

    private async Task CloseAsync()
    {
        foreach (var command in new[] { _newest, _after })
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }

        _newest = _after = null;

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
