using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.Procedures.Models;

namespace Portal.Procedures.Services;

internal enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>Left as it is on purpose (an archived procedure); the result carries the reason.</summary>
    Skipped,
}

/// <summary>What importing one procedure did; <see cref="Reason"/> says why it was skipped.</summary>
internal sealed record ImportResult(ImportOutcome Outcome, string? Reason = null);

/// <summary>
/// Puts an imported procedure through the content lifecycle. Idempotent twice over: by the
/// envelope's id, and by the procedure code — a procedure sent again under another id (or none,
/// from a spreadsheet) updates the site's item with that code instead of adding a second one.
/// An id never lets an import overwrite something else: an item of another type, or a procedure
/// with another code, is refused (<see cref="ContentWorkflowException"/>); an id left only by a
/// deleted item is not reused, the procedure comes back under a fresh id.
/// </summary>
public sealed class ProcedureWriter(ContentManager contents, PortalDbContext db)
{
    private const string ImportReason = "nhập thủ tục hành chính (công thức, API hoặc tệp)";

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

    internal async Task<ImportResult> UpsertAsync(string? envelopeId, ProcedureInput input, bool published, CancellationToken cancellationToken)
    {
        var code = input.Fields.Code;
        var byCode = await FindByCodeAsync(code, cancellationToken);
        var id = envelopeId ?? byCode ?? IdForCode(code);
        var existing = await contents.LatestAsync(id, cancellationToken);
        if (existing is null && byCode is not null)
        {
            // Same code under a new (or deleted) id: the code is the procedure's national identity.
            id = byCode;
            existing = await contents.LatestAsync(id, cancellationToken);
        }
        else if (existing is not null)
        {
            RequireSameProcedure(id, existing, code);
            if (byCode is not null && byCode != id)
            {
                throw new ContentWorkflowException($"Mã thủ tục {code} đã thuộc thủ tục khác của trang.");
            }
        }

        if (existing is null && await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == id, cancellationToken))
        {
            // Only deleted versions carry this id; they keep it (history is never rewritten), and
            // version 1 under it again would break the (tenant, id, version) key.
            id = await FreshIdAsync(id, cancellationToken);
        }

        // An existing item keeps its address when its name is corrected.
        var slug = existing?.Slug ?? SlugFor(code, input.Name);
        var draft = new ContentDraft(input.Name, slug, ProcedureJson.Write(input.Fields)) { Category = input.Fields.Field };
        var same = existing is not null && existing.Title == draft.Title && existing.Data == draft.Data;
        if (existing?.State == ContentState.Archived)
        {
            // An archive is an editor's decision (the procedure is no longer carried out here); an
            // import neither revives nor rewrites it. Not an error: a recipe run again goes on.
            return same && !published
                ? new ImportResult(ImportOutcome.Unchanged)
                : new ImportResult(ImportOutcome.Skipped, $"thủ tục {code} đang được lưu trữ nên không được nhập đè; muốn dùng lại, hãy mở thủ tục, lưu thành bản nháp mới rồi công bố.");
        }

        if (existing is not null && same)
        {
            if (existing.Published == published)
            {
                return new ImportResult(ImportOutcome.Unchanged);
            }

            await SetPublishedAsync(id, published, cancellationToken);
            return new ImportResult(ImportOutcome.Updated);
        }

        if (existing is null)
        {
            await contents.CreateAsync(ProcedureJson.ContentType, draft, ContentActor.System, id, cancellationToken);
        }
        else
        {
            await contents.SaveAsync(id, draft, ContentActor.System, cancellationToken);
        }

        if (published || existing?.Published == true)
        {
            await SetPublishedAsync(id, published, cancellationToken);
        }

        return new ImportResult(existing is null ? ImportOutcome.Created : ImportOutcome.Updated);
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

    /// <summary>A free id near the deleted one ("kh-1" → "kh-1-2"), still within 64 characters; a random one if none is free.</summary>
    private async Task<string> FreshIdAsync(string id, CancellationToken cancellationToken)
    {
        var stem = id.Length <= 58 ? id : id[..58];
        for (var n = 2; n < 50; n++)
        {
            var candidate = $"{stem}-{n}";
            if (!await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == candidate, cancellationToken))
            {
                return candidate;
            }
        }

        return Guid.NewGuid().ToString("N");
    }

    private async Task SetPublishedAsync(string id, bool published, CancellationToken cancellationToken)
    {
        if (published)
        {
            await contents.ForcePublishAsync(id, ContentActor.System, ImportReason, cancellationToken);
            return;
        }

        var latest = await contents.LatestAsync(id, cancellationToken);
        var hasPublished = await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == id && c.Published, cancellationToken);
        if (latest?.State is ContentState.Published or ContentState.Scheduled)
        {
            await contents.UnpublishAsync(id, ContentActor.System, cancellationToken);
        }
        else if (hasPublished && latest is not null)
        {
            // An edit of a published item is a draft while the old version stays public: take that down too.
            await contents.ForcePublishAsync(id, ContentActor.System, ImportReason, cancellationToken);
            await contents.UnpublishAsync(id, ContentActor.System, cancellationToken);
        }
    }
}
