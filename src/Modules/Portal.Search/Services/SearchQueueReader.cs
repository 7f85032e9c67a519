using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Search;

namespace Portal.Search.Services;

/// <summary>
/// Reads the kernel's search queue in commit order, so a node's position can never pass an entry
/// that commits later.
/// SQLite has one writer at a time and AUTOINCREMENT ids, so ids commit in order: the position is
/// the last id applied.
/// PostgreSQL hands out ids before commit, so a later id can commit first. There the position is a
/// transaction id: everything below the oldest transaction still running (the snapshot's xmin) is
/// final, so a node reads the entries of the transactions between its position and that xmin and
/// moves to it.
/// </summary>
internal static class SearchQueueReader
{
    /// <summary>The position up to which everything is final now: what a rebuild that reads the content table from here reflects.</summary>
    public static async Task<long> HeadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return await db.Database.SqlQuery<long>($"SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS \"Value\"").SingleAsync(cancellationToken);
        }

        return await db.Set<SearchQueueEntry>().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
    }

    /// <summary>The entries after <paramref name="position"/> (at most <paramref name="max"/> on SQLite) and the position they lead to.</summary>
    public static async Task<(List<SearchQueueEntry> Entries, long Next)> ReadAsync(PortalDbContext db, long position, int max, CancellationToken cancellationToken)
    {
        var queue = db.Set<SearchQueueEntry>().AsNoTracking();
        if (db.Database.IsNpgsql())
        {
            // The xmin first, in its own statement: every transaction below it had finished before
            // the next statement's snapshot, so that statement sees all of their entries.
            var head = await HeadAsync(db, cancellationToken);
            if (head <= position)
            {
                return ([], position);
            }

            var window = await queue.Where(e => e.TxId >= position && e.TxId < head)
                .OrderBy(e => e.TxId).ThenBy(e => e.Id).ToListAsync(cancellationToken);
            return (window, head);
        }

        var entries = await queue.Where(e => e.Id > position).OrderBy(e => e.Id).Take(max).ToListAsync(cancellationToken);
        return (entries, entries.Count > 0 ? entries[^1].Id : position);
    }

    /// <summary>Forgets entries older than <paramref name="before"/> (every node prunes; deleting twice is harmless).</summary>
    public static Task<int> PruneAsync(PortalDbContext db, DateTime before, CancellationToken cancellationToken) =>
        db.Set<SearchQueueEntry>().Where(e => e.CreatedUtc < before).ExecuteDeleteAsync(cancellationToken);
}
