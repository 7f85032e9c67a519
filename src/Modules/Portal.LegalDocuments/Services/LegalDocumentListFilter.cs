using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>Documents' own filters in the shared admin list: number (contains, folded), document type and year of issue, from the number index.</summary>
internal sealed class LegalDocumentListFilter(PortalDbContext db) : IContentListFilter
{
    public string ContentType => LegalDocumentData.ContentType;

    public async Task<IReadOnlyList<ContentListFilterField>> FieldsAsync(CancellationToken cancellationToken)
    {
        var years = await db.Set<LegalDocumentKey>().AsNoTracking().Where(k => k.IssueYear > 0).Select(k => k.IssueYear).Distinct().OrderByDescending(y => y).Take(100).ToListAsync(cancellationToken);
        return
        [
            new("number", "Số/ký hiệu", []),
            new("docType", "Loại văn bản", [.. LegalDocumentKinds.Types.Select(t => (t, t))]),
            new("year", "Năm ban hành", [.. years.Select(y => (y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture)))]),
        ];
    }

    public IQueryable<ContentItem> Apply(IQueryable<ContentItem> latest, IReadOnlyDictionary<string, string> values)
    {
        IQueryable<LegalDocumentKey> keys = db.Set<LegalDocumentKey>().AsNoTracking();
        var filtered = false;
        if (values.TryGetValue("number", out var number) && TextFolding.Fold(number) is { Length: > 0 } folded)
        {
            keys = keys.Where(k => k.SearchFolded.Contains(folded));
            filtered = true;
        }

        if (values.TryGetValue("docType", out var type) && LegalDocumentKinds.Types.Contains(type))
        {
            keys = keys.Where(k => k.DocumentType == type);
            filtered = true;
        }

        if (values.TryGetValue("year", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            keys = keys.Where(k => k.IssueYear == year);
            filtered = true;
        }

        return filtered ? latest.Where(c => keys.Any(k => k.ContentItemId == c.ContentItemId)) : latest;
    }

    public async Task<IReadOnlyDictionary<string, string>> DetailsAsync(IReadOnlyCollection<string> contentItemIds, CancellationToken cancellationToken) =>
        await db.Set<LegalDocumentKey>().AsNoTracking().Where(k => contentItemIds.Contains(k.ContentItemId))
            .ToDictionaryAsync(k => k.ContentItemId, k => $"{k.Number} · {k.IssuingAuthority}", cancellationToken);
}
