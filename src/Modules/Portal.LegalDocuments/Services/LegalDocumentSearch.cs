using Portal.Core.Contents;
using Portal.Core.Search;

namespace Portal.LegalDocuments.Services;

/// <summary>A legal document in search: found by its number as written (2718/QĐ-UBND, 2718/QD-UBND, 2718), its summary and who issued it; dated by its issue date.</summary>
internal sealed class LegalDocumentSearch : ISearchSource
{
    public string ContentType => LegalDocumentData.ContentType;

    public SearchDocument? Describe(ContentItem published)
    {
        var fields = LegalDocumentData.Read(published.Data);
        return new SearchDocument(published.Title, $"{fields.Summary}\n{fields.DocumentType} {fields.IssuingAuthority}. {fields.Field}. {fields.SignerPosition} {fields.Signer}".Trim())
        {
            Keys = [fields.Number],
            DateUtc = fields.IssuedOn is { } issued ? DateTime.SpecifyKind(issued.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc) : null,
        };
    }
}
