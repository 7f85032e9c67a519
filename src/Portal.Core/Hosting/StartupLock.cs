using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Core.Persistence;

namespace Portal.Core.Hosting;

/// <summary>
/// Serialises schema migration and the default site's auto-setup across nodes (and CLI runs)
/// starting against the same PostgreSQL database at once: a session advisory lock held on its own
/// connection. SQLite needs none: it is one file for one machine, and its writers already queue.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    // Any constant shared by every node; "PortalOr" in ASCII.
    private const long LockKey = 0x506F7274616C4F72;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new StartupLock(null);
        }

        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new StartupLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            // Unlocked explicitly: a pooled connection outlives Dispose, and its session the lock.
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", _connection))
            {
                await command.ExecuteNonQueryAsync();
            }

            await _connection.DisposeAsync();
        }
    }
}
