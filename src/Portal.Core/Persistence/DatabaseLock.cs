using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Core.Persistence;

/// <summary>
/// A lock shared by every node and CLI run on the same PostgreSQL database: a session advisory
/// lock held on its own connection. It serialises schema migration with the default site's
/// auto-setup, and tenant writes (so two processes cannot give two sites one address). SQLite
/// needs none: it is one file on one machine.
/// </summary>
internal sealed class DatabaseLock : IAsyncDisposable
{
    /// <summary>Migration and auto-setup at start ("PortalOr" in ASCII).</summary>
    public const long Startup = 0x506F7274616C4F72;

    /// <summary>Creating, changing and removing tenants.</summary>
    public const long Tenants = 0x506F7274616C5474;

    private readonly NpgsqlConnection? _connection;
    private readonly long _key;

    private DatabaseLock(NpgsqlConnection? connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    public static async Task<DatabaseLock> AcquireAsync(PortalDbContext db, long key, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new DatabaseLock(null, key);
        }

        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({key})", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new DatabaseLock(connection, key);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            // Unlocked explicitly: a pooled connection outlives Dispose, and its session the lock.
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({_key})", _connection))
            {
                await command.ExecuteNonQueryAsync();
            }

            await _connection.DisposeAsync();
        }
    }
}
