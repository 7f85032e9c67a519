using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Pages.Models;

namespace Portal.Pages.Services;

/// <summary>
/// Reading the current site's pages: the public side from the published-pages projection, the
/// desk from the latest versions. Writing goes through <see cref="PageWriter"/>.
/// </summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class PageStore(PortalDbContext db)
{
    /// <summary>
    /// The published page with this slug: in <paramref name="culture"/> when there is one, else in
    /// another culture, as /trang/{slug} answered before pages had cultures (per-culture routes are
    /// the translations' work).
    /// </summary>
    public Task<PublishedPage?> FindPublishedAsync(string slug, CancellationToken cancellationToken, string culture = "vi") =>
        db.Set<PublishedPage>().AsNoTracking()
            .Where(p => p.Slug == slug)
            .OrderByDescending(p => p.Culture == culture)
            .ThenByDescending(p => p.UpdatedUtc)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Titles and slugs of the published pages (no bodies: the home page lists them only).</summary>
    public async Task<IReadOnlyList<(string Title, string Slug)>> PublishedTitlesAsync(CancellationToken cancellationToken) =>
        (await db.Set<PublishedPage>().AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Title, p.Slug }).ToListAsync(cancellationToken))
            .Select(p => (p.Title, p.Slug)).ToList();

    /// <summary>The published pages without their bodies, for the sitemap.</summary>
    public async Task<IReadOnlyList<(string Title, string Slug, DateTime UpdatedUtc)>> PublishedListAsync(CancellationToken cancellationToken) =>
        (await db.Set<PublishedPage>().AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Title, p.Slug, p.UpdatedUtc }).ToListAsync(cancellationToken))
            .Select(p => (p.Title, p.Slug, p.UpdatedUtc)).ToList();

    /// <summary>Whether another page of the site holds the slug (its latest or its public version), as the content manager will check on save.</summary>
    public Task<bool> SlugTakenAsync(string slug, string? exceptContentItemId, CancellationToken cancellationToken, string culture = "vi") =>
        db.Set<ContentItem>().AnyAsync(
            c => c.ContentType == PageContent.ContentType && c.Culture == culture && c.Slug == slug && (c.Latest || c.Published) && !c.Deleted && c.ContentItemId != exceptContentItemId,
            cancellationToken);

    private IQueryable<ContentItem> Latest() =>
        db.Set<ContentItem>().AsNoTracking().Where(c => c.ContentType == PageContent.ContentType && c.Latest && !c.Deleted);
}
