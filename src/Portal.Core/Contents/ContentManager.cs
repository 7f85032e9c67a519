using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Core.Contents;

/// <summary>
/// The one implementation of the content lifecycle for every content type: versions, the editorial
/// workflow (<see cref="ContentWorkflow"/>: who may do which step from which state), restore, soft
/// delete, the audit trail, the upsert that recipes, uploads and the API share, and the content
/// events, raised inside the same transaction as the change. Works on the current site's rows only
/// (the context's filter). docs/architecture.md, "Content kernel".
/// </summary>
public sealed partial class ContentManager(
    PortalDbContext db,
    TimeProvider clock,
    IEnumerable<IContentEventHandler> handlers,
    IEnumerable<ContentTypeDefinition> definitions,
    IPermissionService permissions,
    TenantContext site)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The latest version of an item of this type; null for another type's item, so a desk can never open one.</summary>
    public Task<ContentItem?> LatestAsync(string contentType, string contentItemId, CancellationToken cancellationToken = default) =>
        ContentIds.IsValid(contentItemId)
            ? db.Set<ContentItem>().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.ContentType == contentType && c.Latest && !c.Deleted, cancellationToken)
            : Task.FromResult<ContentItem?>(null);

    /// <summary>The latest version of an item of one of these types (the shared list's types for this person).</summary>
    public Task<ContentItem?> LatestAsync(IReadOnlyCollection<string> contentTypes, string contentItemId, CancellationToken cancellationToken = default) =>
        ContentIds.IsValid(contentItemId)
            ? db.Set<ContentItem>().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && contentTypes.Contains(c.ContentType) && c.Latest && !c.Deleted, cancellationToken)
            : Task.FromResult<ContentItem?>(null);

    public Task<ContentItem?> PublishedAsync(string contentType, string slug, string culture = "vi", CancellationToken cancellationToken = default) =>
        db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(c => c.ContentType == contentType && c.Slug == slug && c.Culture == culture && c.Published && !c.Deleted, cancellationToken);

    /// <summary>Every version of an item already found through <see cref="LatestAsync(string, string, CancellationToken)"/>, newest first.</summary>
    public async Task<IReadOnlyList<ContentItem>> VersionsAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        await db.Set<ContentItem>().AsNoTracking().Where(c => c.ContentItemId == item.ContentItemId && c.ContentType == item.ContentType).OrderByDescending(c => c.Version).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ContentAuditEntry>> AuditAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        await db.Set<ContentAuditEntry>().AsNoTracking().Where(a => a.ContentItemId == item.ContentItemId).OrderByDescending(a => a.Utc).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);

    public ContentTypeDefinition Definition(string contentType) =>
        definitions.FirstOrDefault(d => d.Type == contentType) ?? throw new InvalidOperationException($"Content type '{contentType}' has no ContentTypeDefinition.");

    /// <summary>What this person holds of the type's permission templates on this site.</summary>
    public async Task<ContentGrants> GrantsAsync(ClaimsPrincipal user, string contentType)
    {
        var names = Definition(contentType).Permissions;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (userId.Length == 0)
        {
            return ContentGrants.None;
        }

        return new ContentGrants(
            userId,
            await permissions.HasPermissionAsync(user, names.EditOwn),
            await permissions.HasPermissionAsync(user, names.EditAny),
            await permissions.HasPermissionAsync(user, names.Approve),
            await permissions.HasPermissionAsync(user, names.Publish));
    }

    /// <summary>Whether the person may open the item at all (their own, or anyone's with the right).</summary>
    public async Task<bool> MayOpenAsync(ContentItem item, ClaimsPrincipal user) => (await GrantsAsync(user, item.ContentType)).MayOpen(item);

    /// <summary>The operations this person may do on the item now: the editor's buttons.</summary>
    public async Task<IReadOnlySet<ContentOperation>> AllowedAsync(ContentItem item, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        ContentWorkflow.Allowed(item, await GrantsAsync(user, item.ContentType), await HasPublicVersionAsync(item, cancellationToken));

    /// <summary>Writes a new item as a draft of its author, who must hold the type's EditOwn (or EditAny).</summary>
    /// <exception cref="ContentForbiddenException">The person may not write this type.</exception>
    public async Task<ContentItem> CreateAsync(string contentType, ContentDraft draft, ClaimsPrincipal user, ContentActor actor, CancellationToken cancellationToken = default)
    {
        var grants = await GrantsAsync(user, contentType);
        if (!grants.EditOwn && !grants.EditAny)
        {
            throw new ContentForbiddenException("Bạn không có quyền viết nội dung loại này.");
        }

        return await InTransactionAsync(() => CreateCoreAsync(contentType, draft, actor, null, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// As <see cref="CreateAsync(string, ContentDraft, ClaimsPrincipal, ContentActor, CancellationToken)"/>, under an id the
    /// module derives from its own record (a question's answer is <c>hd-{case}</c>), so that writing it
    /// twice finds the first; refused like any create when the id is taken.
    /// </summary>
    public async Task<ContentItem> CreateWithIdAsync(string contentType, string contentItemId, ContentDraft draft, ClaimsPrincipal user, ContentActor actor, CancellationToken cancellationToken = default)
    {
        var grants = await GrantsAsync(user, contentType);
        if (!grants.EditOwn && !grants.EditAny)
        {
            throw new ContentForbiddenException("Bạn không có quyền viết nội dung loại này.");
        }

        return await InTransactionAsync(() => CreateCoreAsync(contentType, draft, actor, contentItemId, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Checks and applies one operation: the person's right (<see cref="ContentForbiddenException"/>)
    /// and the item's state (<see cref="ContentWorkflowException"/>, with the editor's message), in
    /// this one place for every desk, list, bulk step and the API.
    /// </summary>
    /// <returns>The item's latest version afterwards (for a delete, the deleted one).</returns>
    public async Task<ContentItem> ApplyAsync(ContentItem item, ContentCommand command, ClaimsPrincipal user, ContentActor actor, CancellationToken cancellationToken = default)
    {
        var operation = command.Operation == ContentOperation.Publish && command.AtUtc is { } at && at > Now ? ContentOperation.Schedule : command.Operation;
        var check = ContentWorkflow.Check(item, await GrantsAsync(user, item.ContentType), operation, await HasPublicVersionAsync(item, cancellationToken));
        if (check == ContentCheck.NotPermitted)
        {
            throw new ContentForbiddenException($"Bạn không có quyền {operation.Label()} nội dung này.");
        }

        if (check == ContentCheck.WrongState)
        {
            throw new ContentWorkflowException($"Không thể {operation.Label()} khi nội dung đang ở trạng thái {StateText(item.State)}.");
        }

        return await InTransactionAsync(() => ApplyCoreAsync(item, command with { Operation = operation }, actor, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// One step on many items, each checked as if alone: the ones this person may not touch, or whose
    /// state does not allow the step, are skipped and counted. At most 200 items per request.
    /// </summary>
    public async Task<ContentBulkResult> BulkAsync(IReadOnlyCollection<string> contentTypes, IEnumerable<string> ids, ContentOperation operation, ClaimsPrincipal user, ContentActor actor, CancellationToken cancellationToken = default)
    {
        int done = 0, skipped = 0;
        foreach (var id in ids.Distinct(StringComparer.Ordinal).Take(200))
        {
            var item = await LatestAsync(contentTypes, id, cancellationToken);
            if (item is null)
            {
                skipped++;
                continue;
            }

            try
            {
                await ApplyAsync(item, new ContentCommand(operation), user, actor, cancellationToken);
                done++;
            }
            catch (Exception ex) when (ex is ContentWorkflowException or ContentForbiddenException)
            {
                skipped++;
            }
        }

        return new ContentBulkResult(done, skipped);
    }

    /// <summary>
    /// A trusted caller's step (today only the lifecycle's tests, through InternalsVisibleTo): the
    /// item's state rules apply, no person's rights are asked. Production code goes through
    /// <see cref="ApplyAsync"/> (a person) or <see cref="UpsertAsync"/> (an import).
    /// </summary>
    internal async Task<ContentItem> RunAsync(string contentItemId, ContentCommand command, ContentActor actor, CancellationToken cancellationToken = default)
    {
        var item = await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest && !c.Deleted, cancellationToken)
            ?? throw new ContentWorkflowException("Không tìm thấy nội dung.");
        var operation = command.Operation == ContentOperation.Publish && command.AtUtc is { } at && at > Now ? ContentOperation.Schedule : command.Operation;
        if (ContentWorkflow.Check(item, ContentGrants.System, operation, await HasPublicVersionAsync(item, cancellationToken)) != ContentCheck.Allowed)
        {
            throw new ContentWorkflowException($"Không thể {operation.Label()} khi nội dung đang ở trạng thái {StateText(item.State)}.");
        }

        return await InTransactionAsync(() => ApplyCoreAsync(item, command with { Operation = operation }, actor, cancellationToken), cancellationToken);
    }

    /// <summary>The latest version of an item, deleted ones included (for trusted callers reading history).</summary>
    internal Task<ContentItem?> LatestIncludingDeletedAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.Set<ContentItem>().AsNoTracking().Where(c => c.ContentItemId == contentItemId).OrderByDescending(c => c.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A trusted caller's new item, optionally under its own id.</summary>
    internal Task<ContentItem> CreateAsync(string contentType, ContentDraft draft, ContentActor actor, string? contentItemId = null, CancellationToken cancellationToken = default) =>
        InTransactionAsync(() => CreateCoreAsync(contentType, draft, actor, contentItemId, cancellationToken), cancellationToken);

    private Task<ContentItem> ApplyCoreAsync(ContentItem item, ContentCommand command, ContentActor actor, CancellationToken cancellationToken) => command.Operation switch
    {
        ContentOperation.Save => SaveCoreAsync(item, command.Draft ?? throw new ArgumentException("A save needs the draft.", nameof(command)), actor, cancellationToken),
        ContentOperation.Submit => MoveAsync(item, actor, "Submitted", ContentState.Submitted, null, cancellationToken),
        ContentOperation.Approve => MoveAsync(item, actor, "Approved", ContentState.Approved, null, cancellationToken),
        ContentOperation.Return => MoveAsync(item, actor, "Returned", ContentState.Draft, command.Reason, cancellationToken),
        ContentOperation.Schedule => ScheduleAsync(item, command.AtUtc ?? throw new ContentWorkflowException("Hẹn giờ đăng cần thời điểm."), actor, cancellationToken),
        ContentOperation.Publish => MakePublishedAsync(item, actor, "Published", null, cancellationToken),
        ContentOperation.ForcePublish => ForcePublishCoreAsync(item, actor, command.Reason, cancellationToken),
        ContentOperation.Unpublish => TakeDownAsync(item, actor, "Unpublished", ContentState.Unpublished, cancellationToken),
        ContentOperation.Archive => TakeDownAsync(item, actor, "Archived", ContentState.Archived, cancellationToken),
        ContentOperation.Restore => RestoreCoreAsync(item, command.Version, actor, cancellationToken),
        _ => DeleteCoreAsync(item, actor, cancellationToken),
    };

    /// <summary>Whether citizens see a version of the item (the latest, or an older one under a newer draft).</summary>
    public Task<bool> IsPublicAsync(string contentType, string contentItemId, CancellationToken cancellationToken = default) =>
        db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == contentItemId && c.ContentType == contentType && c.Published && !c.Deleted, cancellationToken);

    private Task<bool> HasPublicVersionAsync(ContentItem item, CancellationToken cancellationToken) =>
        item.Published ? Task.FromResult(true) : IsPublicAsync(item.ContentType, item.ContentItemId, cancellationToken);

    /// <summary>The unit of work of one change: the change and every content event handler's writes commit together or not at all.</summary>
    private Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken) => db.InTransactionAsync(work, cancellationToken);

    private async Task RaiseAsync(ContentItem item, Func<IContentEventHandler, Task> raise)
    {
        foreach (var handler in handlers)
        {
            var types = handler.ContentTypes;
            if ((types.Count > 0 && !types.Contains(item.ContentType)) || (handler.FeatureId is { } feature && !(site.IsResolved && site.Tenant.HasFeature(feature))))
            {
                continue;
            }

            await raise(handler);
        }
    }

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
}
