namespace Portal.Search.Services;

/// <summary><c>Portal:Search</c>: where this node keeps its index, and how often it reads the queue.</summary>
public sealed class SearchIndexOptions
{
    public const string Section = "Portal:Search";

    /// <summary>The index folder on this node's local disk; <c>{DataPath}/search-index</c> when empty. Never shared between nodes.</summary>
    public string IndexPath { get; set; } = "";

    /// <summary>How often the node reads the queue (milliseconds): a change is searchable within about this long after its commit.</summary>
    public int PollMilliseconds { get; set; } = 250;

    /// <summary>Queue entries older than this are pruned; a node whose index is older rebuilds instead of catching up.</summary>
    public int QueueRetentionDays { get; set; } = 7;

    /// <summary>Searches per minute one address may make on one site (the page and anonymous API calls together).</summary>
    public int RequestsPerAddressPerMinute { get; set; } = 120;
}
