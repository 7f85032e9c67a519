using Portal.Core.Persistence;

namespace Portal.LegalDocuments.Models;

/// <summary>
/// The latest version of every (not deleted) document, kept on each save: the editors' list
/// searches and filters it, and it carries the business key number + issuing authority that must
/// be unique within a site (imports and the editor check it).
/// </summary>
internal sealed class LegalDocumentKey : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string ContentItemId { get; set; } = "";

    public string Number { get; set; } = "";

    /// <summary>Folded number and authority: the uniqueness key ignores case and diacritics.</summary>
    public string NumberKey { get; set; } = "";

    public string AuthorityKey { get; set; } = "";

    public string DocumentType { get; set; } = "";

    public string IssuingAuthority { get; set; } = "";

    public int IssueYear { get; set; }

    /// <summary>Folded number and summary, for the editors' search box.</summary>
    public string SearchFolded { get; set; } = "";
}
