using Portal.Core.Contents;
using Portal.LegalDocuments.Models;
using Portal.LegalDocuments.Services;

namespace Portal.LegalDocuments.ViewModels;

/// <summary>The public list's filters as typed in the address (kept raw so the form shows them back).</summary>
public sealed class LegalDocumentQuery
{
    public string? Type { get; set; }

    public string? Authority { get; set; }

    public string? Field { get; set; }

    public string? Signer { get; set; }

    public string? Year { get; set; }

    public string? Status { get; set; }

    public string? Number { get; set; }

    public string? Kind { get; set; }

    public string? Sort { get; set; }

    public string? Page { get; set; }
}

public sealed class LegalDocumentListViewModel
{
    public required LegalDocumentQuery Query { get; init; }

    public required LegalDocumentChoices Choices { get; init; }

    public IReadOnlyList<PublishedLegalDocument> Items { get; init; } = [];

    /// <summary>Why the filters could not be applied (an impossible year, status, page ...); the list is then empty.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public DateOnly Today { get; init; }

    public int Total { get; init; }

    /// <summary>There are more matches than were counted (see LegalDocumentQueries.CountLimit).</summary>
    public bool More { get; init; }

    public int Page { get; init; }

    public int PageCount { get; init; }

    /// <summary>The filters as a query string without the page, for the pager's links.</summary>
    public string FilterQuery { get; init; } = "";
}

public sealed class LegalDocumentViewModel
{
    public required PublishedLegalDocument Document { get; init; }

    public required LegalDocumentFields Fields { get; init; }

    public LegalStatus Status { get; init; }

    public IReadOnlyList<LegalDocumentLink> Outgoing { get; init; } = [];

    public IReadOnlyList<LegalDocumentLink> Incoming { get; init; } = [];
}

/// <summary>
/// The editor's form. Everything is text so that a wrong date comes back as typed with its message
/// beside the field (the same rules as imports: <c>LegalDocumentInput</c>).
/// </summary>
public sealed class LegalDocumentEditViewModel : ContentEditModel
{
    public string? Slug { get; set; }

    public string? Number { get; set; }

    public string? Type { get; set; }

    public string? IssuingAuthority { get; set; }

    public string? Field { get; set; }

    public string? Signer { get; set; }

    public string? SignerPosition { get; set; }

    public string? IssuedOn { get; set; }

    public string? EffectiveOn { get; set; }

    public string? ExpiresOn { get; set; }

    public string? Summary { get; set; }

    public string? Kind { get; set; }

    /// <summary>One address per line.</summary>
    public string? Files { get; set; }

    /// <summary>One document number per line.</summary>
    public string? Replaces { get; set; }

    public string? Amends { get; set; }

    public string? Guides { get; set; }
}
