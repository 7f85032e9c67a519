using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.Procedures.Models;

namespace Portal.Procedures.Services;

/// <summary>
/// A procedure's identity for imports, which the kernel's upsert then writes. Idempotent twice
/// over: by the envelope's id, and by the procedure code — a procedure sent again under another id
/// (or none, from a spreadsheet) updates the site's item with that code instead of adding a second
/// one. An id never lets an import overwrite something else: a procedure with another code is
/// refused (<see cref="ContentWorkflowException"/>); an id left only by a deleted item is not
/// reused, the procedure comes back under a fresh id (the code is its national identity).
/// </summary>
public sealed class ProcedureWriter(PortalDbContext db)
{
    public const string ImportReason = "nhập thủ tục hành chính (công thức, API hoặc tệp)";

    /// <summary>
    /// The id of this site's procedure with the code (latest versions, drafts included), if any.
    /// Codes compare ignoring case: new codes are stored upper-cased (<see cref="ProcedureEnvelope"/>),
    /// rows written before that may not be.
    /// </summary>
    public Task<string?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var normalized = ProcedureEnvelope.NormalizeCode(code);
        return db.Set<ProcedureIndexEntry>().AsNoTracking().Where(e => e.Code.ToUpper() == normalized).OrderBy(e => e.Id).Select(e => e.ContentItemId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The id an envelope without one gets: stable for its code, so re-imports land on it, and
    /// distinct for distinct codes — the slug alone would merge "1.001234" with "1-001234", so a
    /// short hash of the (normalised) code follows it. At most 5 + 40 + 1 + 10 = 56 characters.
    /// </summary>
    public static string IdForCode(string code)
    {
        var normalized = ProcedureEnvelope.NormalizeCode(code);
        return ContentIds.Derived("tthc", normalized, normalized);
    }

    /// <summary>Slug from code and name ("1-001234-dang-ky-khai-sinh"): names repeat across levels, codes do not.</summary>
    public static string SlugFor(string code, string name)
    {
        var slug = Slugs.FromTitle(code + " " + name);
        return slug.Length <= 120 ? slug : slug[..120].TrimEnd('-');
    }

    /// <summary>The id an imported procedure is written under (see the class summary).</summary>
    public async Task<string> ResolveIdAsync(string? envelopeId, string code, CancellationToken cancellationToken)
    {
        var byCode = await FindByCodeAsync(code, cancellationToken);
        var id = envelopeId ?? byCode ?? IdForCode(code);
        var newest = await db.Set<ContentItem>().AsNoTracking().Where(c => c.ContentItemId == id).OrderByDescending(c => c.Version).FirstOrDefaultAsync(cancellationToken);
        if (newest is not { Deleted: false })
        {
            // Same code under a new (or deleted) id: the site's procedure with the code is updated.
            // Only deleted versions carry this id: they keep it (history is never rewritten).
            return byCode ?? (newest is null ? id : await ContentIds.FreeNearAsync(db, id, cancellationToken));
        }

        RequireSameProcedure(id, newest, code);
        if (byCode is not null && byCode != id)
        {
            throw new ContentWorkflowException($"Mã thủ tục {code} đã thuộc thủ tục khác của trang.");
        }

        return id;
    }

    /// <summary>An id names one item: an import may update it only when it is this procedure.</summary>
    private static void RequireSameProcedure(string id, ContentItem existing, string code)
    {
        if (existing.ContentType != ProcedureJson.ContentType)
        {
            throw new ContentWorkflowException($"id \"{id}\" đã được dùng cho một nội dung khác (loại {existing.ContentType}), không phải thủ tục hành chính; không nhập đè.");
        }

        var existingCode = ProcedureJson.Read(existing.Data).Code;
        if (!string.Equals(existingCode, code, StringComparison.OrdinalIgnoreCase))
        {
            throw new ContentWorkflowException($"id \"{id}\" là thủ tục mã {existingCode}, khác mã {code} đang nhập; không nhập đè.");
        }
    }
}
