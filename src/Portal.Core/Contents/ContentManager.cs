using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;

namespace Portal.Core.Contents;

/// <summary>
/// The one implementation of the content lifecycle for every content type: versions, the editorial
/// workflow (draft → submitted → approved → published or scheduled → unpublished/archived), restore,
/// soft delete and the audit trail. Works on the current tenant's rows only (the context's filter).
/// </summary>
public sealed class ContentManager(PortalDbContext db, TimeProvider clock, IEnumerable<IContentEventHandler> handlers)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<ContentItem?> LatestAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.Set<ContentItem>().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest && !c.Deleted, cancellationToken);

    public Task<ContentItem?> PublishedAsync(string contentType, string slug, string culture = "vi", CancellationToken cancellationToken = default) =>
        db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(c => c.ContentType == contentType && c.Slug == slug && c.Culture == culture && c.Published && !c.Deleted, cancellationToken);

    public async Task<IReadOnlyList<ContentItem>> VersionsAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        await db.Set<ContentItem>().AsNoTracking().Where(c => c.ContentItemId == contentItemId).OrderByDescending(c => c.Version).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ContentAuditEntry>> AuditAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        await db.Set<ContentAuditEntry>().AsNoTracking().Where(a => a.ContentItemId == contentItemId).OrderByDescending(a => a.Utc).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);

    public async Task<ContentItem> CreateAsync(string contentType, ContentDraft draft, ContentActor actor, string? contentItemId = null, CancellationToken cancellationToken = default)
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
        await RaiseAsync(h => h.SavedAsync(item, cancellationToken));
        return item;
    }

    /// <summary>
    /// Saves an edit as a new version. Work in review keeps its state (an editor's edit of a
    /// submitted article stays submitted); an edit of a published item is a new draft while
    /// citizens keep seeing the published version.
    /// </summary>
    public async Task<ContentItem> SaveAsync(string contentItemId, ContentDraft draft, ContentActor actor, CancellationToken cancellationToken = default)
    {
        var latest = await RequireLatestAsync(contentItemId, cancellationToken);
        await EnsureSlugFreeAsync(latest.ContentType, draft, contentItemId, cancellationToken);
        var state = latest.State is ContentState.Draft or ContentState.Submitted or ContentState.Approved ? latest.State : ContentState.Draft;
        var version = NewVersion(latest, actor, state);
        version.Title = draft.Title;
        version.Slug = draft.Slug;
        version.Culture = draft.Culture;
        version.Category = Truncate(draft.Category, ContentModel.CategoryLength);
        version.Data = draft.Data;
        Audit(version, "Edited", latest.State, state, actor);
        await db.SaveChangesAsync(cancellationToken);
        await RaiseAsync(h => h.SavedAsync(version, cancellationToken));
        return version;
    }

    public Task<ContentItem> SubmitAsync(string contentItemId, ContentActor actor, CancellationToken cancellationToken = default) =>
        MoveAsync(contentItemId, actor, "Submitted", ContentState.Submitted, [ContentState.Draft], null, cancellationToken);

    public Task<ContentItem> ApproveAsync(string contentItemId, ContentActor actor, CancellationToken cancellationToken = default) =>
        MoveAsync(contentItemId, actor, "Approved", ContentState.Approved, [ContentState.Submitted], null, cancellationToken);

    /// <summary>Sends work in review back to its author, with the reason.</summary>
    public Task<ContentItem> ReturnAsync(string contentItemId, ContentActor actor, string? reason, CancellationToken cancellationToken = default) =>
        MoveAsync(contentItemId, actor, "Returned", ContentState.Draft, [ContentState.Submitted, ContentState.Approved], reason, cancellationToken);

    /// <summary>Publishes an approved item now, or schedules it when <paramref name="at"/> is in the future.</summary>
    public async Task<ContentItem> PublishAsync(string contentItemId, ContentActor actor, DateTime? at = null, CancellationToken cancellationToken = default)
    {
        if (at is { } when && when > Now)
        {
            var scheduled = await MoveAsync(contentItemId, actor, "Scheduled", ContentState.Scheduled, [ContentState.Approved], null, cancellationToken);
            scheduled.ScheduledUtc = DateTime.SpecifyKind(when, DateTimeKind.Utc);
            await db.SaveChangesAsync(cancellationToken);
            return scheduled;
        }

        var latest = await RequireLatestAsync(contentItemId, cancellationToken);
        RequireState(latest, "xuất bản", ContentState.Approved, ContentState.Unpublished);
        return await MakePublishedAsync(latest, actor, "Published", null, cancellationToken);
    }

    /// <summary>Publishes without review. Allowed only with a stated reason, and flagged in the audit trail.</summary>
    public async Task<ContentItem> ForcePublishAsync(string contentItemId, ContentActor actor, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ContentWorkflowException("Xuất bản không qua duyệt phải nêu lý do.");
        }

        var latest = await RequireLatestAsync(contentItemId, cancellationToken);
        RequireState(latest, "xuất bản", ContentState.Draft, ContentState.Submitted, ContentState.Approved, ContentState.Scheduled, ContentState.Unpublished);
        return await MakePublishedAsync(latest, actor, "ForcePublished", reason.Trim(), cancellationToken);
    }

    public async Task<ContentItem> UnpublishAsync(string contentItemId, ContentActor actor, CancellationToken cancellationToken = default)
    {
        var item = await MoveAsync(contentItemId, actor, "Unpublished", ContentState.Unpublished, [ContentState.Published, ContentState.Scheduled], null, cancellationToken);
        await HideAsync(item, cancellationToken);
        return item;
    }

    public async Task<ContentItem> ArchiveAsync(string contentItemId, ContentActor actor, CancellationToken cancellationToken = default)
    {
        var item = await MoveAsync(contentItemId, actor, "Archived", ContentState.Archived, [ContentState.Published, ContentState.Unpublished, ContentState.Draft], null, cancellationToken);
        await HideAsync(item, cancellationToken);
        return item;
    }

    /// <summary>Makes an old version the latest again, as a new draft version (history is never rewritten).</summary>
    public async Task<ContentItem> RestoreAsync(string contentItemId, int version, ContentActor actor, CancellationToken cancellationToken = default)
    {
        var latest = await RequireLatestAsync(contentItemId, cancellationToken);
        var old = await db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Version == version, cancellationToken)
            ?? throw new ContentWorkflowException($"Không có phiên bản {version}.");
        var restored = NewVersion(latest, actor, ContentState.Draft);
        restored.Title = old.Title;
        restored.Slug = old.Slug;
        restored.Culture = old.Culture;
        restored.Category = old.Category;
        restored.Data = old.Data;
        Audit(restored, "Restored", latest.State, ContentState.Draft, actor, $"từ phiên bản {version}");
        await db.SaveChangesAsync(cancellationToken);
        await RaiseAsync(h => h.SavedAsync(restored, cancellationToken));
        return restored;
    }

    /// <summary>Soft delete: every version is kept but hidden everywhere.</summary>
    public async Task DeleteAsync(string contentItemId, ContentActor actor, CancellationToken cancellationToken = default)
    {
        var latest = await RequireLatestAsync(contentItemId, cancellationToken);
        var versions = await db.Set<ContentItem>().Where(c => c.ContentItemId == contentItemId).ToListAsync(cancellationToken);
        foreach (var v in versions)
        {
            v.Deleted = true;
            v.Published = false;
        }

        Audit(latest, "Deleted", latest.State, null, actor);
        await db.SaveChangesAsync(cancellationToken);
        await RaiseAsync(h => h.UnpublishedAsync(latest, cancellationToken));
    }

    /// <summary>Publishes this tenant's scheduled items that are due; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var due = await db.Set<ContentItem>().Where(c => c.Latest && !c.Deleted && c.State == ContentState.Scheduled && c.ScheduledUtc <= now).ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            await MakePublishedAsync(item, ContentActor.System, "Published", "lịch đăng", cancellationToken);
        }

        return due.Count;
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
        Audit(latest, action, from, ContentState.Published, actor, reason);
        await db.SaveChangesAsync(cancellationToken);
        await RaiseAsync(h => h.PublishedAsync(latest, cancellationToken));
        return latest;
    }

    private async Task HideAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var published = await db.Set<ContentItem>().Where(c => c.ContentItemId == item.ContentItemId && c.Published).ToListAsync(cancellationToken);
        foreach (var p in published)
        {
            p.Published = false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await RaiseAsync(h => h.UnpublishedAsync(item, cancellationToken));
    }

    private async Task<ContentItem> MoveAsync(string contentItemId, ContentActor actor, string action, ContentState to, ContentState[] from, string? reason, CancellationToken cancellationToken)
    {
        var latest = await RequireLatestAsync(contentItemId, cancellationToken);
        RequireState(latest, action, from);
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

    private async Task<ContentItem> RequireLatestAsync(string contentItemId, CancellationToken cancellationToken) =>
        await LatestAsync(contentItemId, cancellationToken) ?? throw new ContentWorkflowException("Không tìm thấy nội dung.");

    private static void RequireState(ContentItem item, string action, params ContentState[] allowed)
    {
        if (!allowed.Contains(item.State))
        {
            throw new ContentWorkflowException($"Không thể {ActionText(action)} khi nội dung đang ở trạng thái {StateText(item.State)}.");
        }
    }

    private async Task EnsureSlugFreeAsync(string contentType, ContentDraft draft, string contentItemId, CancellationToken cancellationToken)
    {
        if (await db.Set<ContentItem>().AnyAsync(c => c.ContentType == contentType && c.Culture == draft.Culture && c.Slug == draft.Slug && (c.Latest || c.Published) && !c.Deleted && c.ContentItemId != contentItemId, cancellationToken))
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

    private async Task RaiseAsync(Func<IContentEventHandler, Task> raise)
    {
        foreach (var handler in handlers)
        {
            await raise(handler);
        }
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    public static string StateText(ContentState state) => state switch
    {
        ContentState.Draft => "bản nháp",
        ContentState.Submitted => "chờ biên tập",
        ContentState.Approved => "đã duyệt",
        ContentState.Scheduled => "hẹn giờ đăng",
        ContentState.Published => "đã xuất bản",
        ContentState.Unpublished => "đã gỡ",
        _ => "lưu trữ",
    };

    private static string ActionText(string action) => action switch
    {
        "Submitted" => "gửi duyệt",
        "Approved" => "duyệt",
        "Returned" => "trả lại",
        "Scheduled" => "hẹn giờ đăng",
        "Unpublished" => "gỡ",
        "Archived" => "lưu trữ",
        _ => action,
    };
}
