using Portal.Core.Persistence;

namespace Portal.Search.Models;

/// <summary>
/// Words or phrases a site's editors hold equivalent in a query (<c>UBND</c>, <c>Ủy ban nhân dân</c>):
/// a query containing one is also searched with each of the others put in its place. A term
/// (folded) belongs to one group of the site at most.
/// </summary>
public sealed class SearchSynonymGroup : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    /// <summary>2–10 terms, as the editor wrote them (the written form is what a variant searches for).</summary>
    public List<string> Terms { get; set; } = [];

    public DateTime UpdatedUtc { get; set; }
}
