using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>
/// Saves legal documents through the content lifecycle with the module's two rules on top: a
/// number + issuing authority belongs to one document per site, and the address is derived from
/// the number. The editor's form and the importer (through the kernel's upsert) use both.
/// </summary>
public sealed class LegalDocumentWriter(PortalDbContext db)
{
    public const string ImportReason = "nhập văn bản (công thức, tệp nhập hoặc API)";

    /// <summary>The id of another (not deleted) document with the same number and authority, or null.</summary>
    public async Task<string?> ConflictAsync(LegalDocumentFields fields, string? contentItemId, CancellationToken cancellationToken)
    {
        var (number, authority) = LegalDocumentData.Key(fields.Number, fields.IssuingAuthority);
        return await db.Set<LegalDocumentKey>().AsNoTracking()
            .Where(k => k.NumberKey == number && k.AuthorityKey == authority && k.ContentItemId != contentItemId)
            .Select(k => k.ContentItemId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<ContentDraft> DraftAsync(LegalDocumentFields fields, string? contentItemId, CancellationToken cancellationToken)
    {
        string? chosen = null;
        foreach (var candidate in LegalDocumentData.SlugCandidates(fields))
        {
            chosen ??= candidate;
            var taken = await db.Set<ContentItem>().AnyAsync(c => c.ContentType == LegalDocumentData.ContentType && c.Culture == "vi" && c.Slug == candidate && (c.Latest || c.Published) && !c.Deleted && c.ContentItemId != contentItemId, cancellationToken);
            if (!taken)
            {
                chosen = candidate;
                break;
            }
        }

        return new ContentDraft(LegalDocumentData.Title(fields), chosen!, LegalDocumentData.Write(fields)) { Category = fields.Field };
    }
}
