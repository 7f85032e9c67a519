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
}

/// <summary>
/// Puts an imported procedure through the content lifecycle. Idempotent twice over: by the
/// envelope's id, and by the procedure code — a procedure sent again under another id (or none,
/// from a spreadsheet) updates the site's item with that code instead of adding a second one.
/// </summary>
public sealed class ProcedureWriter(ContentManager contents, PortalDbContext db)
{
    private const string ImportReason = "nhập thủ tục hành chính (công thức, API hoặc tệp)";

    /// <summary>The id of this site's procedure with the code (latest versions, drafts included), if any.</summary>
    public Task<string?> FindByCodeAsync(string code, CancellationToken cancellationToken) =>
        db.Set<ProcedureIndexEntry>().AsNoTracking().Where(e => e.Code == code).Select(e => e.ContentItemId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The id an envelope without one gets: stable for its code, so re-imports land on it.</summary>
    public static string IdForCode(string code) => "tthc-" + Slugs.FromTitle(code);

    /// <summary>Slug from code and name ("1-001234-dang-ky-khai-sinh"): names repeat across levels, codes do not.</summary>
    public static string SlugFor(string code, string name)
    {
        var slug = Slugs.FromTitle(code + " " + name);
        return slug.Length <= 120 ? slug : slug[..120].TrimEnd('-');
    }

    internal async Task<ImportOutcome> UpsertAsync(string? envelopeId, ProcedureInput input, bool published, CancellationToken cancellationToken)
    {
        var byCode = await FindByCodeAsync(input.Fields.Code, cancellationToken);
        var id = envelopeId ?? byCode ?? IdForCode(input.Fields.Code);
        var existing = await contents.LatestAsync(id, cancellationToken);
        if (existing is null && byCode is not null)
        {
            // Same code under a new id: the code is the procedure's national identity.
            id = byCode;
            existing = await contents.LatestAsync(id, cancellationToken);
        }
        else if (byCode is not null && byCode != id)
        {
            throw new ContentWorkflowException($"Mã thủ tục {input.Fields.Code} đã thuộc thủ tục khác của trang.");
        }

        // An existing item keeps its address when its name is corrected.
        var slug = existing?.Slug ?? SlugFor(input.Fields.Code, input.Name);
        var draft = new ContentDraft(input.Name, slug, ProcedureJson.Write(input.Fields)) { Category = input.Fields.Field };
        if (existing is not null && existing.Title == draft.Title && existing.Data == draft.Data)
        {
            if (existing.Published == published)
            {
                return ImportOutcome.Unchanged;
            }

            await SetPublishedAsync(id, published, cancellationToken);
            return ImportOutcome.Updated;
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

        return existing is null ? ImportOutcome.Created : ImportOutcome.Updated;
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
