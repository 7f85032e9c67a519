using Portal.Core.Persistence;

namespace Portal.Search.Models;

/// <summary>
/// A query that found nothing on the site: how often (since <see cref="FirstSeenUtc"/>) and when
/// last, for the board to answer with a synonym, a best bet or the missing page. A row not seen
/// for <see cref="Services.SearchMissLog.Window"/> is dropped, so a count starts again when it returns.
/// </summary>
public sealed class SearchMiss : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    /// <summary>The folded query (<see cref="Services.SearchRefinementText.Normalize"/>): the spellings of one query counted together.</summary>
    public string NormalizedQuery { get; set; } = "";

    /// <summary>The query as it was last typed (what the list shows and links to).</summary>
    public string LastQuery { get; set; } = "";

    public int Count { get; set; }

    public DateTime FirstSeenUtc { get; set; }

    public DateTime LastSeenUtc { get; set; }
}
