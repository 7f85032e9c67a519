using Portal.Core.Persistence;

namespace Portal.Search.Models;

/// <summary>
/// An item a query must show first on page 1 of the site's results (several per query, in
/// <see cref="Position"/> order). Matched on the folded query, so <c>ubnd</c> and <c>UBND</c> are one.
/// </summary>
public sealed class SearchBestBet : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    /// <summary>The query as the editor wrote it (shown in the list).</summary>
    public string Query { get; set; } = "";

    /// <summary><see cref="Services.SearchRefinementText.Normalize"/> of <see cref="Query"/>: what a visitor's query is compared with.</summary>
    public string NormalizedQuery { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    /// <summary>The item's title when it was chosen, for the list (the result shows its current title).</summary>
    public string Title { get; set; } = "";

    public int Position { get; set; }

    public DateTime CreatedUtc { get; set; }
}
