using Portal.Core.Persistence;

namespace Portal.News.Models;

/// <summary>The amount the agency head sets for one royalty class (nhuận bút), in đồng.</summary>
public sealed class RoyaltyRate : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string Class { get; set; } = "";

    public string Description { get; set; } = "";

    public long Amount { get; set; }
}

/// <summary>
/// The royalty owed for one published article: class and amount fixed when it is first published,
/// so a later change of rates does not rewrite what was already earned.
/// </summary>
public sealed class RoyaltyEntry : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string ContentItemId { get; set; } = "";

    public string Title { get; set; } = "";

    public string Author { get; set; } = "";

    public string Class { get; set; } = "";

    public long Amount { get; set; }

    public DateTime PublishedUtc { get; set; }
}
