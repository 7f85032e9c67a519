using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>
/// Document numbers → links, for other modules (a procedure's legal basis): exact number, published,
/// this site only (the context's tenant filter). When one number is used by several documents (two
/// authorities, or a yearly number reused), the most recently issued one is the link.
/// </summary>
internal sealed class LegalDocumentReferences(PortalDbContext db) : IContentReferenceResolver
{
    public string Type => LegalDocumentData.ContentType;

    public async Task<IReadOnlyDictionary<string, ContentReference>> ResolveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var numbers = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim().Normalize()).Distinct(StringComparer.Ordinal).Take(500).ToList();
        if (numbers.Count == 0)
        {
            return new Dictionary<string, ContentReference>();
        }

        var found = await db.Set<PublishedLegalDocument>().AsNoTracking()
            .Where(d => numbers.Contains(d.Number) && d.Culture == "vi")
            .Select(d => new { d.Number, d.Title, d.Slug, d.IssuedOn }).ToListAsync(cancellationToken);
        return found.GroupBy(d => d.Number, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(d => d.IssuedOn).First())
            .ToDictionary(d => d.Number, d => new ContentReference(d.Title, "~/van-ban/" + d.Slug), StringComparer.Ordinal);
    }
}
