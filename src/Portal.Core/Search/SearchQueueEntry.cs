namespace Portal.Core.Search;

/// <summary>What a queue entry asks every node's index to do.</summary>
public enum SearchQueueKind
{
    /// <summary>Bring one item up to date: index its published version, or drop it when there is none.</summary>
    Item = 0,

    /// <summary>Drop every document of one site and index its published items again (<c>search rebuild --tenant</c>, a removed site).</summary>
    Site = 1,

    /// <summary>Rebuild the whole index from the content table (<c>search rebuild</c>).</summary>
    All = 2,
}

/// <summary>
/// One change for the search index, written in the same transaction as the content change, so a
/// crash can lose neither (<see cref="SearchQueue"/>). Every node reads the queue in order and keeps
/// its position in its own index's commit data. Not tenant-owned: the installation's one index reads
/// every site's entries, and an entry names its site only so the node can look the item up; it holds
/// no content.
/// </summary>
public sealed class SearchQueueEntry
{
    public long Id { get; set; }

    /// <summary>
    /// PostgreSQL: the writing transaction's id (<c>pg_current_xact_id()</c>). Nodes read only
    /// entries of transactions older than every transaction still running, so an entry that commits
    /// late can never fall behind a node's position. Null on SQLite, where one writer at a time
    /// makes the ids themselves commit in order.
    /// </summary>
    public long? TxId { get; set; }

    public SearchQueueKind Kind { get; set; }

    /// <summary>The site (0 for <see cref="SearchQueueKind.All"/>).</summary>
    public int TenantId { get; set; }

    public string ContentType { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
