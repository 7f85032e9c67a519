using Portal.Core.Persistence;

namespace Portal.Taxonomies.Models;

/// <summary>One term of a vocabulary ("tags", ...): what editors typed, with one address per site.</summary>
internal sealed class Term : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string Vocabulary { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The name folded for search ("Quảng Ninh" → "quang ninh").</summary>
    public string Folded { get; set; } = "";

    /// <summary>
    /// Set when an editor merged this term into another: items that still carry the old word are
    /// filed under the other term, and the old address redirects there.
    /// </summary>
    public string? MergedInto { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A published item carrying a term: what the tag page lists, kept in step by the content events.</summary>
internal sealed class TermAssignment : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string Vocabulary { get; set; } = "";

    public string TermSlug { get; set; } = "";

    public string ContentItemId { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>App-relative public address of the item (from its type's definition).</summary>
    public string Path { get; set; } = "";

    public DateTime PublishedUtc { get; set; }
}
