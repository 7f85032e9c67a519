using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Persistence;
using Portal.Core.Security;
using Portal.Pages.Models;

namespace Portal.Pages.Services;

/// <summary>What an editor or an import writes to a page; the body is sanitized by <see cref="PageWriter"/>.</summary>
public sealed record PageInput(string Title, string Slug, string? Body);

/// <summary>
/// Static pages through the kernel's content lifecycle: the desk's saves and steps go through
/// <see cref="ContentManager.ApplyAsync"/> (the one operations table), setup through its upsert.
/// Bodies are sanitized here, on every save.
/// </summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class PageWriter(ContentManager contents, PortalDbContext db, HtmlSanitizer sanitizer, IPermissionService permissions)
{
    private const string PublishOnSaveReason = "công khai khi lưu ở trang quản trị Trang tĩnh";
    private const string SetupReason = "trang bắt buộc khi thiết lập trang";

    /// <summary>
    /// Pages have one permission (held by Editor and Approver, who both published pages before pages
    /// had a workflow): it fills every template of the operations table. Named apart so that a
    /// publish permission of its own, if a site ever needs one, changes this line only.
    /// </summary>
    internal static ContentTypePermissions Permissions => new(Startup.ManagePages.Name, Startup.ManagePages.Name, Startup.ManagePages.Name, Startup.ManagePages.Name);

    /// <summary>The site's page with this id (its latest version), or null, also for an id no page could have or an item of another type.</summary>
    public Task<ContentItem?> FindAsync(string id, CancellationToken cancellationToken) =>
        contents.LatestAsync(PageContent.ContentType, id, cancellationToken);

    /// <summary>Whether some version of the page is what citizens see (the latest may be a newer draft).</summary>
    public Task<bool> IsPublicAsync(string id, CancellationToken cancellationToken) =>
        contents.IsPublicAsync(PageContent.ContentType, id, cancellationToken);

    public Task<bool> MayPublishAsync(ClaimsPrincipal user) => permissions.HasPermissionAsync(user, Permissions.Publish);

    /// <summary>Writes a new page as its first version; with <paramref name="publish"/>, that version is public at once.</summary>
    public async Task<ContentItem> CreateAsync(PageInput input, ClaimsPrincipal user, ContentActor actor, bool publish, CancellationToken cancellationToken)
    {
        var item = await contents.CreateAsync(PageContent.ContentType, Draft(input), user, actor, cancellationToken);
        return publish ? await contents.ApplyAsync(item, new(ContentOperation.ForcePublish) { Reason = PublishOnSaveReason }, user, actor, cancellationToken) : item;
    }

    /// <summary>
    /// Saves an edit as a new version. Without <paramref name="publish"/> it is a draft and the
    /// public version, if any, stays public until the new one is published or the page taken down.
    /// </summary>
    public async Task<ContentItem> SaveAsync(ContentItem item, PageInput input, ClaimsPrincipal user, ContentActor actor, bool publish, CancellationToken cancellationToken)
    {
        var version = await contents.ApplyAsync(item, ContentCommand.Save(Draft(input)), user, actor, cancellationToken);
        return publish ? await contents.ApplyAsync(version, new(ContentOperation.ForcePublish) { Reason = PublishOnSaveReason }, user, actor, cancellationToken) : version;
    }

    /// <summary>The workflow steps this person may take on this page now.</summary>
    public async Task<IReadOnlySet<string>> AllowedAsync(ClaimsPrincipal user, ContentItem item, CancellationToken cancellationToken) =>
        (await contents.AllowedAsync(item, user, cancellationToken)).Select(o => o.Name()).ToHashSet();

    /// <summary>Creates and publishes a page when no page of the site has its slug; used by setup, so running it twice changes nothing.</summary>
    public async Task EnsureAsync(string slug, string title, string body, CancellationToken cancellationToken)
    {
        if (await db.Set<ContentItem>().AnyAsync(c => c.ContentType == PageContent.ContentType && c.Slug == slug && (c.Latest || c.Published) && !c.Deleted, cancellationToken))
        {
            return;
        }

        var id = ContentIds.IsValid(slug) && !await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == slug, cancellationToken) ? slug : Guid.NewGuid().ToString("N");
        await contents.UpsertAsync(new ContentUpsert(PageContent.ContentType, id, Draft(new PageInput(title, slug, body)), true, ContentActor.System) { Reason = SetupReason }, cancellationToken);
    }

    /// <summary>
    /// The id an imported page is written under: its own; or, when no page has it, the site's page
    /// with its slug (one written in the admin before the recipe ran); or, when only a deleted page
    /// has it, a free id near it, so the page comes back.
    /// </summary>
    internal async Task<string> ImportIdAsync(string id, string slug, string culture, CancellationToken cancellationToken)
    {
        var newest = await db.Set<ContentItem>().AsNoTracking().Where(c => c.ContentItemId == id).OrderByDescending(c => c.Version).FirstOrDefaultAsync(cancellationToken);
        if (newest is { Deleted: false })
        {
            return id;
        }

        var bySlug = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.ContentType == PageContent.ContentType && c.Culture == culture && c.Slug == slug && c.Latest && !c.Deleted)
            .OrderBy(c => c.Id).Select(c => c.ContentItemId).FirstOrDefaultAsync(cancellationToken);
        return bySlug ?? (newest is null ? id : await ContentIds.FreeNearAsync(db, id, cancellationToken));
    }

    internal ContentDraft Draft(PageInput input, string culture = "vi") =>
        new(input.Title.Trim(), input.Slug, PageContent.Write(new PageFields { Body = sanitizer.Sanitize(input.Body) }), culture);
}
