using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Contents;

/// <summary>The steps themselves, after <see cref="ContentManager.ApplyAsync"/> or the upsert has checked them.</summary>
public sealed partial class ContentManager
{
    private async Task<ContentItem> CreateCoreAsync(string contentType, ContentDraft draft, ContentActor actor, string? contentItemId, CancellationToken cancellationToken)
    {
        contentItemId ??= Guid.NewGuid().ToString("N");

        // A caller's id (an import's) may already be another item's, of any type, or a deleted
        // one's: refused here for every module, rather than by the version index as a server error.
        if (await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == contentItemId, cancellationToken))
        {
            throw new ContentWorkflowException($"Mã {contentItemId} đã được dùng cho một nội dung khác trên trang (kể cả nội dung đã xóa).");
        }

        await EnsureSlugFreeAsync(contentType, draft, contentItemId, cancellationToken);
        var now = Now;
        var item = new ContentItem
        {
            ContentItemId = contentItemId,
            ContentType = contentType,
            Version = 1,
            Latest = true,
            State = ContentState.Draft,
            Culture = draft.Culture,
            LocalizationSet = draft.LocalizationSet ?? contentItemId,
            Title = draft.Title,
            Slug = draft.Slug,
            Category = Truncate(draft.Category, ContentModel.CategoryLength),
            Data = draft.Data,
            AuthorId = actor.UserId,
            AuthorName = actor.UserName,
            ModifiedById = actor.UserId,
            ModifiedByName = actor.UserName,
            CreatedUtc = now,
            ModifiedUtc = now,
        };
        db.Add(item);
        Audit(item, "Created", null, ContentState.Draft, actor);
        await db.SaveChangesAsync(cancellationToken);
        await RaiseAsync(item, h => h.SavedAsync(item, cancellationToken));
        return item;
    }

    /// <summary>
    /// An edit is a new version. Work in review keeps its state (an editor's edit of a submitted
    /// article stays submitted); an edit of a published item is a new draft while citizens keep
    /// seeing the published version.
    /// </summary>
    private async Task<ContentItem> SaveCoreAsync(ContentItem latest, ContentDraft draft, ContentActor actor, CancellationToken cancellationToken)
    {
        await EnsureSlugFreeAsync(latest.ContentType, draft, latest.ContentItemId, cancellationToken);
        var state = latest.State is ContentState.Draft or ContentState.Submitted or ContentState.Approved ? latest.State : ContentState.Draft;
        var version = NewVersion(latest, actor, state);
        version.Title = draft.Title;
        version.Slug = draft.Slug;
        version.Culture = draft.Culture;
        version.Category = Truncate(draft.Category, ContentModel.CategoryLength);
        version.Data = draft.Data;
        Audit(version, "Edited", latest.State, state, actor);
        await db.SaveChangesAsync(cancellationToken);
        await RaiseAsync(version, h => h.SavedAsync(version, cancellationToken));
        return version;
    }

    private async Task<ContentItem> ScheduleAsync(ContentItem latest, DateTime atUtc, ContentActor actor, CancellationToken cancellationToken)
    {
        if (atUtc < VietnamTime.Earliest || atUtc > VietnamTime.Latest)
        {
            throw new ContentWorkflowException("Thời điểm hẹn giờ phải trong khoảng năm 2000–2100.");
        }

        latest.ScheduledUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        return await MoveAsync(latest, actor, "Scheduled", ContentState.Scheduled, null, cancellationToken);
    }

    /// <summary>Publishes without review: only with a stated reason, flagged in the audit trail.</summary>
    private Task<ContentItem> ForcePublishCoreAsync(ContentItem latest, ContentActor actor, string? reason, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new ContentWorkflowException("Xuất bản không qua duyệt phải nêu lý do.")
            : MakePublishedAsync(latest, actor, "ForcePublished", reason.Trim(), cancellationToken);

    /// <summary>Makes an old version the latest again, as a new draft version (history is never rewritten).</summary>
    private async Task<ContentItem> RestoreCoreAsync(ContentItem latest, int version, ContentActor actor, CancellationToken cancellationToken)
    {
        var old = await db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == latest.ContentItemId && c.ContentType == latest.ContentType && c.Version == version, cancellationToken)
            ?? throw new ContentWorkflowException($"Không có phiên bản {version}.");
        var restored = NewVersion(latest, actor, ContentState.Draft);
        restored.Title = old.Title;
        restored.Slug = old.Slug;
        restored.Culture = old.Culture;
        restored.Category = old.Category;
        restored.Data = old.Data;
        Audit(restored, "Restored", latest.State, ContentState.Draft, actor, $"từ phiên bản {version}");
        await db.SaveChangesAsync(cancellationToken);
        await RaiseAsync(restored, h => h.SavedAsync(restored, cancellationToken));
        return restored;
    }

    /// <summary>Soft delete: every version is kept but hidden everywhere.</summary>
    private async Task<ContentItem> DeleteCoreAsync(ContentItem latest, ContentActor actor, CancellationToken cancellationToken)
    {
        var versions = await db.Set<ContentItem>().Where(c => c.ContentItemId == latest.ContentItemId).ToListAsync(cancellationToken);
        foreach (var v in versions)
        {
            v.Deleted = true;
            v.Published = false;
        }

        Audit(latest, "Deleted", latest.State, null, actor);
        await db.SaveChangesAsync(cancellationToken);
        await RaiseAsync(latest, h => h.UnpublishedAsync(latest, cancellationToken));
        await RaiseAsync(latest, h => h.DeletedAsync(latest, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return latest;
    }

    /// <summary>Publishes this site's scheduled items that are due; returns how many.</summary>
    internal async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var due = await db.Set<ContentItem>().Where(c => c.Latest && !c.Deleted && c.State == ContentState.Scheduled && c.ScheduledUtc <= now).Select(c => c.Id).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var id in due)
        {
            // Each item in its own unit of work: one failing projection does not hold back the others.
            await InTransactionAsync(
                async () =>
                {
                    if (await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.Id == id && c.State == ContentState.Scheduled && c.Latest, cancellationToken) is { } item)
                    {
                        await MakePublishedAsync(item, ContentActor.System, "Published", "lịch đăng", cancellationToken);
                        published++;
                    }

                    return published;
                },
                cancellationToken);
        }

        return published;
    }

    private async Task<ContentItem> MakePublishedAsync(ContentItem latest, ContentActor actor, string action, string? reason, CancellationToken cancellationToken)
    {
        var previous = await db.Set<ContentItem>().Where(c => c.ContentItemId == latest.ContentItemId && c.Published && c.Id != latest.Id).ToListAsync(cancellationToken);
        foreach (var p in previous)
        {
            p.Published = false;
        }

        var from = latest.State;
        latest.State = ContentState.Published;
        latest.Published = true;
        latest.PublishedUtc ??= previous.Select(p => p.PublishedUtc).FirstOrDefault() ?? Now;
        latest.ScheduledUtc = null;
        latest.ModifiedUtc = Now;
        Audit(latest, action, from, ContentState.Published, actor, reason);
        await db.SaveChangesAsync(cancellationToken);
        await RaiseAsync(latest, h => h.PublishedAsync(latest, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return latest;
    }

    /// <summary>
    /// Takes down whichever version citizens see — the latest, or an older one under a newer draft —
    /// and moves the latest to <paramref name="to"/> when it was the public or scheduled one (a draft
    /// over a published version stays a draft when only the public version is taken down).
    /// </summary>
    private async Task<ContentItem> TakeDownAsync(ContentItem latest, ContentActor actor, string action, ContentState to, CancellationToken cancellationToken)
    {
        var published = await db.Set<ContentItem>().Where(c => c.ContentItemId == latest.ContentItemId && c.Published).ToListAsync(cancellationToken);
        foreach (var p in published)
        {
            p.Published = false;
        }

        var before = latest.State;
        var after = to == ContentState.Archived || before is ContentState.Published or ContentState.Scheduled ? to : before;
        latest.State = after;
        latest.ScheduledUtc = null;
        latest.ModifiedUtc = Now;
        Audit(latest, action, before, after, actor);
        await db.SaveChangesAsync(cancellationToken);
        await RaiseAsync(latest, h => h.UnpublishedAsync(latest, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return latest;
    }

    private async Task<ContentItem> MoveAsync(ContentItem latest, ContentActor actor, string action, ContentState to, string? reason, CancellationToken cancellationToken)
    {
        var before = latest.State;
        latest.State = to;
        latest.ModifiedUtc = Now;
        Audit(latest, action, before, to, actor, reason);
        await db.SaveChangesAsync(cancellationToken);
        return latest;
    }

    private ContentItem NewVersion(ContentItem latest, ContentActor actor, ContentState state)
    {
        latest.Latest = false;
        var version = new ContentItem
        {
            ContentItemId = latest.ContentItemId,
            ContentType = latest.ContentType,
            Version = latest.Version + 1,
            Latest = true,
            State = state,
            Culture = latest.Culture,
            LocalizationSet = latest.LocalizationSet,
            Title = latest.Title,
            Slug = latest.Slug,
            Category = latest.Category,
            Data = latest.Data,
            AuthorId = latest.AuthorId,
            AuthorName = latest.AuthorName,
            ModifiedById = actor.UserId,
            ModifiedByName = actor.UserName,
            CreatedUtc = latest.CreatedUtc,
            ModifiedUtc = Now,
            PublishedUtc = latest.PublishedUtc,
        };
        db.Add(version);
        return version;
    }

    /// <summary>Whether another item of the type holds the slug in the culture (its latest or its public version).</summary>
    private Task<bool> SlugTakenAsync(string contentType, string culture, string slug, string? exceptContentItemId, CancellationToken cancellationToken) =>
        db.Set<ContentItem>().AnyAsync(c => c.ContentType == contentType && c.Culture == culture && c.Slug == slug && (c.Latest || c.Published) && !c.Deleted && c.ContentItemId != exceptContentItemId, cancellationToken);

    private async Task EnsureSlugFreeAsync(string contentType, ContentDraft draft, string contentItemId, CancellationToken cancellationToken)
    {
        if (await SlugTakenAsync(contentType, draft.Culture, draft.Slug, contentItemId, cancellationToken))
        {
            throw new ContentWorkflowException($"Đường dẫn \"{draft.Slug}\" đã được dùng cho nội dung khác.");
        }
    }

    private void Audit(ContentItem item, string action, ContentState? from, ContentState? to, ContentActor actor, string? reason = null) =>
        db.Add(new ContentAuditEntry
        {
            ContentItemId = item.ContentItemId,
            Version = item.Version,
            Action = action,
            FromState = from,
            ToState = to,
            UserId = actor.UserId,
            UserName = actor.UserName,
            RemoteAddress = actor.RemoteAddress,
            Reason = reason is { Length: > 1000 } ? reason[..1000] : reason,
            Utc = Now,
        });

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
