using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>
/// Saves legal documents through the content lifecycle with the module's two rules on top: a
/// number + issuing authority belongs to one document per site, and the address is derived from
/// the number. The editor's form, the importer and the bulk upload all write through here.
/// </summary>
public sealed class LegalDocumentWriter(ContentManager contents, PortalDbContext db)
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

    /// <summary>
    /// Creates or updates the item <paramref name="contentItemId"/> and sets its publication, writing
    /// nothing when nothing changed (so importing the same file twice is harmless).
    /// </summary>
    /// <returns>False when the item was already exactly so.</returns>
    /// <exception cref="ContentWorkflowException">The number and authority belong to another document, or the workflow forbids the step.</exception>
    public async Task<bool> ImportAsync(string contentItemId, LegalDocumentFields fields, bool published, ContentActor actor, CancellationToken cancellationToken)
    {
        if (await ConflictAsync(fields, contentItemId, cancellationToken) is { } other)
        {
            throw new ContentWorkflowException($"Số/ký hiệu {fields.Number} của {fields.IssuingAuthority} đã thuộc văn bản khác (mã {other}); không nhập đè.");
        }

        // The id may be any item's: an upload naming a news article's id must not rewrite it, and an
        // editor's deletion or archiving stands (a recipe run again skips such a document).
        var newest = await db.Set<ContentItem>().AsNoTracking().Where(c => c.ContentItemId == contentItemId)
            .OrderByDescending(c => c.Version).FirstOrDefaultAsync(cancellationToken);
        if (newest is not null && newest.ContentType != LegalDocumentData.ContentType)
        {
            throw new ContentWorkflowException($"Mã {contentItemId} đã dùng cho một nội dung loại khác trên trang; không nhập đè.");
        }

        if (newest is { Deleted: true })
        {
            throw new LegalDocumentSkippedException($"Văn bản mã {contentItemId} đã bị xóa trên trang; không nhập lại (dùng mã khác nếu muốn nhập như văn bản mới).");
        }

        var draft = await DraftAsync(fields, contentItemId, cancellationToken);
        var existing = await contents.LatestAsync(contentItemId, cancellationToken);
        var sameContent = existing is not null && existing.Title == draft.Title && existing.Data == draft.Data;

        // What citizens see may be an older version than the latest (a draft over a published one).
        var isPublic = existing is not null && await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == contentItemId && c.Published && !c.Deleted, cancellationToken);
        if (sameContent && isPublic == published)
        {
            return false;
        }

        if (existing is { State: ContentState.Archived })
        {
            throw new LegalDocumentSkippedException($"Văn bản mã {contentItemId} đã được lưu trữ; không nhập đè.");
        }

        if (!sameContent)
        {
            if (!published && isPublic)
            {
                // Taken down first: once the new version is saved as a draft, the workflow can no
                // longer unpublish the older published one.
                await contents.UnpublishAsync(contentItemId, actor, cancellationToken);
            }

            // An updated document keeps its address, so links already shared keep working.
            _ = existing is null
                ? await contents.CreateAsync(LegalDocumentData.ContentType, draft, actor, contentItemId, cancellationToken)
                : await contents.SaveAsync(contentItemId, draft with { Slug = existing.Slug }, actor, cancellationToken);
        }
        else if (!published && isPublic)
        {
            await contents.UnpublishAsync(contentItemId, actor, cancellationToken);
        }

        if (published)
        {
            await contents.ForcePublishAsync(contentItemId, actor, ImportReason, cancellationToken);
        }

        return true;
    }
}

/// <summary>An imported document the site's editors deleted or archived: skipped with a reason, never brought back.</summary>
public sealed class LegalDocumentSkippedException(string message) : ContentWorkflowException(message);
