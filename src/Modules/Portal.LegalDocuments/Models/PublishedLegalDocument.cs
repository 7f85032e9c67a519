using Portal.Core.Contents;
using Portal.Core.Persistence;

namespace Portal.LegalDocuments.Models;

/// <summary>
/// The published projection of a legal document, kept in step by the content events: what the
/// public list filters and sorts on, with typed, indexed columns and folded copies for search.
/// Public only because the public pages' view models carry it.
/// </summary>
public sealed class PublishedLegalDocument : PublishedContentRow
{
    public string Culture { get; set; } = "vi";

    public string Title { get; set; } = "";

    public string Number { get; set; } = "";

    /// <summary><see cref="Portal.Core.Text.TextFolding"/> of the number: "nđ-cp" is found from "nd-cp".</summary>
    public string NumberFolded { get; set; } = "";

    public string DocumentType { get; set; } = "";

    public string IssuingAuthority { get; set; } = "";

    public string Field { get; set; } = "";

    public string Signer { get; set; } = "";

    public string SignerPosition { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    /// <summary>The issue date's year, so "year=2024" is an equality on an index, not a range on a function.</summary>
    public int IssueYear { get; set; }

    /// <summary>The date the document applies from: its effective date, or its issue date when it has none.</summary>
    public DateOnly EffectiveOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    /// <summary>A published document of this site replaces this one (changes on publish events only, never with time).</summary>
    public bool Replaced { get; set; }

    public string Kind { get; set; } = LegalDocumentKinds.Normative;

    public string Summary { get; set; } = "";

    public string SummaryFolded { get; set; } = "";

    public DateTime PublishedUtc { get; set; }

    public LegalStatus StatusOn(DateOnly today) => LegalStatuses.Of(EffectiveOn, ExpiresOn, Replaced, today);
}
