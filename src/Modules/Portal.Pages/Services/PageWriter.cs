using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Persistence;
using Portal.Core.Security;
using Portal.Core.Text;
using Portal.Pages.Models;

namespace Portal.Pages.Services;

/// <summary>What an editor or an import writes to a page; the body is sanitized by <see cref="PageWriter"/>.</summary>
public sealed record PageInput(string Title, string Slug, string? Body);

/// <summary>
/// Static pages through the kernel's content lifecycle (versions, workflow, audit, soft delete).
/// Every call of the Pages module into <see cref="ContentManager"/> is in this class, so a change
/// of the manager's signatures is adapted here alone. Bodies are sanitized here, on every save.
/// </summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class PageWriter(ContentManager contents, PortalDbContext db, HtmlSanitizer sanitizer, IPermissionService permissions)
{
    /// <summary>The workflow steps of the pages desk, in the order its buttons show.</summary>
    public static readonly IReadOnlyList<string> Operations = ["submit", "approve", "return", "publish", "force-publish", "unpublish", "archive", "delete"];

    private const string PublishOnSaveReason = "công khai khi lưu ở trang quản trị Trang tĩnh";
    private const string ImportReason = "nhập nội dung (công thức hoặc API)";
    private const string SetupReason = "trang bắt buộc khi thiết lập trang";
    private const string TakeDownReason = "gỡ trang đang công khai (bản nháp mới được công khai rồi gỡ cùng lúc)";

    /// <summary>
    /// Pages have one permission today (held by Editor and Approver, who both published pages
    /// before pages had a workflow): it covers editing and every workflow step. Named apart so
    /// that a publish permission of its own, if a site ever needs one, changes this line only.
    /// </summary>
    internal static string EditPermission => Startup.ManagePages.Name;

    internal static string PublishPermission => Startup.ManagePages.Name;

    /// <summary>The site's page with this id (its latest version), or null, also for an id no page could have or an item of another type.</summary>
    public async Task<ContentItem?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!ContentIds.IsValid(id))
        {
            return null;
        }

        var item = await contents.LatestAsync(id, cancellationToken);
        return item?.ContentType == PageContent.ContentType ? item : null;
    }

    /// <summary>Whether some version of the page is what citizens see (the latest may be a newer draft).</summary>
    public Task<bool> IsPublicAsync(string id, CancellationToken cancellationToken) =>
        db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == id && c.ContentType == PageContent.ContentType && c.Published && !c.Deleted, cancellationToken);

    public Task<bool> MayPublishAsync(ClaimsPrincipal user) => permissions.HasPermissionAsync(user, PublishPermission);

    /// <summary>Writes a new page as its first version; with <paramref name="publish"/>, that version is public at once.</summary>
    public async Task<ContentItem> CreateAsync(PageInput input, ContentActor actor, bool publish, CancellationToken cancellationToken)
    {
        var item = await contents.CreateAsync(PageContent.ContentType, Draft(input), actor, cancellationToken: cancellationToken);
        return publish ? await contents.ForcePublishAsync(item.ContentItemId, actor, PublishOnSaveReason, cancellationToken) : item;
    }

    /// <summary>
    /// Saves an edit as a new version. Without <paramref name="publish"/> it is a draft and the
    /// public version, if any, stays public until the new one is published or the page taken down.
    /// </summary>
    public async Task<ContentItem> SaveAsync(string id, PageInput input, ContentActor actor, bool publish, CancellationToken cancellationToken)
    {
        var version = await contents.SaveAsync(id, Draft(input), actor, cancellationToken);
        return publish ? await contents.ForcePublishAsync(id, actor, PublishOnSaveReason, cancellationToken) : version;
    }

    /// <summary>The workflow steps this person may take on this page now.</summary>
    public async Task<IReadOnlySet<string>> AllowedAsync(ClaimsPrincipal user, ContentItem item, CancellationToken cancellationToken)
    {
        var allowed = new HashSet<string>();
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (item.State == ContentState.Draft && await permissions.HasPermissionAsync(user, EditPermission))
        {
            allowed.Add("submit");
        }

        if (!await MayPublishAsync(user))
        {
            if (item.AuthorId == userId && item.State == ContentState.Draft && item.PublishedUtc is null)
            {
                allowed.Add("delete");
            }

            return allowed;
        }

        if (item.State == ContentState.Submitted)
        {
            allowed.Add("approve");
        }

        if (item.State is ContentState.Submitted or ContentState.Approved)
        {
            allowed.Add("return");
        }

        if (item.State is ContentState.Approved or ContentState.Unpublished)
        {
            allowed.Add("publish");
        }

        if (item.State is not ContentState.Published and not ContentState.Archived)
        {
            allowed.Add("force-publish");
        }

        if (item.State is ContentState.Published or ContentState.Scheduled || await IsPublicAsync(item.ContentItemId, cancellationToken))
        {
            allowed.Add("unpublish");
        }

        if (item.State is ContentState.Published or ContentState.Unpublished or ContentState.Draft)
        {
            allowed.Add("archive");
        }

        allowed.Add("delete");
        return allowed;
    }

    /// <summary>Applies one workflow step; the caller has checked it with <see cref="AllowedAsync"/>.</summary>
    public async Task ApplyAsync(string id, string operation, ContentActor actor, string? reason, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case "submit": await contents.SubmitAsync(id, actor, cancellationToken); break;
            case "approve": await contents.ApproveAsync(id, actor, cancellationToken); break;
            case "return": await contents.ReturnAsync(id, actor, reason, cancellationToken); break;
            case "publish": await contents.PublishAsync(id, actor, null, cancellationToken); break;
            case "force-publish": await contents.ForcePublishAsync(id, actor, reason ?? "", cancellationToken); break;
            case "unpublish": await TakeDownAsync(id, actor, cancellationToken); break;
            case "archive": await contents.ArchiveAsync(id, actor, cancellationToken); break;
            case "delete": await contents.DeleteAsync(id, actor, cancellationToken); break;
            default: throw new ContentWorkflowException($"Không có thao tác \"{operation}\".");
        }
    }

    /// <summary>
    /// Upserts a page from the content envelope (CONTRACTS.md: title, slug, body), idempotent by
    /// id: the same envelope again writes nothing. An envelope whose id has no page takes over
    /// the site's page with its slug (one written in the admin before the recipe ran), as before
    /// pages had versions; an id held only by a deleted page brings the page back under a free id.
    /// An archived page is an editor's decision and is left as it is.
    /// </summary>
    internal async Task ImportAsync(ContentEnvelope envelope, CancellationToken cancellationToken)
    {
        var title = envelope.Text("title")!.Trim();
        var input = new PageInput(title, envelope.Text("slug") ?? Slugs.FromTitle(title), envelope.Text("body"));
        var draft = Draft(input, envelope.Culture);
        var byId = await contents.LatestAsync(envelope.Id, cancellationToken);
        if (byId is not null && byId.ContentType != PageContent.ContentType)
        {
            throw new ContentWorkflowException($"Mã {envelope.Id} đã dùng cho một nội dung loại khác trên trang; không nhập đè.");
        }

        var existing = byId ?? await BySlugAsync(draft.Slug, draft.Culture, cancellationToken);
        if (existing is null)
        {
            var id = await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == envelope.Id, cancellationToken)
                ? await FreeIdAsync(envelope.Id, cancellationToken)
                : envelope.Id;
            await contents.CreateAsync(PageContent.ContentType, draft, ContentActor.System, id, cancellationToken);
            if (envelope.Published)
            {
                await contents.ForcePublishAsync(id, ContentActor.System, ImportReason, cancellationToken);
            }

            return;
        }

        if (existing.State == ContentState.Archived)
        {
            return;
        }

        var same = existing.Title == draft.Title && existing.Slug == draft.Slug && existing.Culture == draft.Culture
            && PageContent.Read(existing.Data).Body == PageContent.Read(draft.Data).Body;
        var isPublic = await IsPublicAsync(existing.ContentItemId, cancellationToken);
        if (same && (envelope.Published ? existing.Published : !isPublic))
        {
            return; // unchanged: a second run of the same recipe writes nothing
        }

        if (!same)
        {
            await contents.SaveAsync(existing.ContentItemId, draft, ContentActor.System, cancellationToken);
        }

        if (envelope.Published)
        {
            await contents.ForcePublishAsync(existing.ContentItemId, ContentActor.System, ImportReason, cancellationToken);
        }
        else if (isPublic)
        {
            await TakeDownAsync(existing.ContentItemId, ContentActor.System, cancellationToken);
        }
    }

    /// <summary>Creates and publishes a page when no page of the site has its slug; used by setup, so running it twice changes nothing.</summary>
    public async Task EnsureAsync(string slug, string title, string body, CancellationToken cancellationToken)
    {
        if (await db.Set<ContentItem>().AnyAsync(c => c.ContentType == PageContent.ContentType && c.Slug == slug && (c.Latest || c.Published) && !c.Deleted, cancellationToken))
        {
            return;
        }

        var id = ContentIds.IsValid(slug) && !await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == slug, cancellationToken) ? slug : null;
        var item = await contents.CreateAsync(PageContent.ContentType, Draft(new PageInput(title, slug, body)), ContentActor.System, id, cancellationToken);
        await contents.ForcePublishAsync(item.ContentItemId, ContentActor.System, SetupReason, cancellationToken);
    }

    /// <summary>
    /// Takes the public version down. The kernel unpublishes only a latest version that is itself
    /// public; when a newer draft sits over it, the draft is published and unpublished in one go
    /// (both steps in the audit trail), as the procedures' import does.
    /// </summary>
    private async Task TakeDownAsync(string id, ContentActor actor, CancellationToken cancellationToken)
    {
        var latest = await contents.LatestAsync(id, cancellationToken);
        if (latest?.State is ContentState.Published or ContentState.Scheduled)
        {
            await contents.UnpublishAsync(id, actor, cancellationToken);
        }
        else if (latest is not null && await IsPublicAsync(id, cancellationToken))
        {
            await contents.ForcePublishAsync(id, actor, TakeDownReason, cancellationToken);
            await contents.UnpublishAsync(id, actor, cancellationToken);
        }
    }

    /// <summary>The site's page with this slug (latest versions), for an envelope whose id has none.</summary>
    private Task<ContentItem?> BySlugAsync(string slug, string culture, CancellationToken cancellationToken) =>
        db.Set<ContentItem>().Where(c => c.ContentType == PageContent.ContentType && c.Culture == culture && c.Slug == slug && c.Latest && !c.Deleted)
            .OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A free id near one held by a deleted item ("lien-he" → "lien-he-2"), within 64 characters.</summary>
    private async Task<string> FreeIdAsync(string id, CancellationToken cancellationToken)
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

    private ContentDraft Draft(PageInput input, string culture = "vi") =>
        new(input.Title.Trim(), input.Slug, PageContent.Write(new PageFields { Body = sanitizer.Sanitize(input.Body) }), culture);
}
