namespace Portal.Core.Caching;

/// <summary>
/// One "a site's public output changed" signal, written in the same transaction as the change so
/// that it exists exactly when the change is committed, whichever process made it (a node, the
/// CLI). Every process reads the signals after its own position (SQLite: one process-wide poll) or
/// is told of them on commit (PostgreSQL: a trigger sends NOTIFY), and evicts its cached pages.
/// Not tenant-owned: a site may evict another's pages (the province's settings of a commune), and
/// the rows are infrastructure, pruned after an hour.
/// </summary>
internal sealed class CacheEviction
{
    public int Id { get; set; }

    /// <summary>The site whose pages are stale (or, with <see cref="Below"/>, whose descendants' pages are).</summary>
    public int TenantId { get; set; }

    /// <summary>True: the pages of every site below <see cref="TenantId"/>, not its own (content shared downwards).</summary>
    public bool Below { get; set; }

    /// <summary>The process that wrote it, which evicted its own pages on commit and skips the row.</summary>
    public long Origin { get; set; }

    public DateTime CreatedUtc { get; set; }
}
