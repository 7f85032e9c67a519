using Microsoft.EntityFrameworkCore;
using Portal.Core.Caching;
using Portal.Core.Html;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.Pages.Models;

namespace Portal.Pages.Services;

/// <summary>Reading and writing the current site's pages. Bodies are sanitized here, on every save.</summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class PageStore(PortalDbContext db, HtmlSanitizer sanitizer, TimeProvider clock, ITenantCacheInvalidator cache)
{
    public Task<Page?> FindPublishedAsync(string slug, CancellationToken cancellationToken) =>
        db.Set<Page>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.Published, cancellationToken);

    public Task<Page?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<Page>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>Titles and slugs of the published pages (no bodies: the home page lists them only).</summary>
    public async Task<IReadOnlyList<(string Title, string Slug)>> PublishedTitlesAsync(CancellationToken cancellationToken) =>
        (await db.Set<Page>().AsNoTracking().Where(p => p.Published).OrderBy(p => p.Title).Select(p => new { p.Title, p.Slug }).ToListAsync(cancellationToken))
            .Select(p => (p.Title, p.Slug)).ToList();

    public async Task<(IReadOnlyList<Page> Items, int Total)> SearchAsync(string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Set<Page>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(p => p.Title.Contains(term) || p.Slug.Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(p => p.UpdatedUtc).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    public Task<bool> SlugTakenAsync(string slug, int exceptId, CancellationToken cancellationToken) =>
        db.Set<Page>().AnyAsync(p => p.Slug == slug && p.Id != exceptId, cancellationToken);

    public async Task SaveAsync(Page page, CancellationToken cancellationToken)
    {
        page.Body = sanitizer.Sanitize(page.Body);
        page.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        if (page.Id == 0)
        {
            page.CreatedUtc = page.UpdatedUtc;
            db.Add(page);
        }

        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(db.CurrentTenantId);
    }

    public async Task DeleteAsync(Page page, CancellationToken cancellationToken)
    {
        db.Remove(page);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(db.CurrentTenantId);
    }

    /// <summary>Creates a page when its slug is free; used by setup, so running it twice changes nothing.</summary>
    public async Task EnsureAsync(string slug, string title, string body, CancellationToken cancellationToken)
    {
        if (!await db.Set<Page>().AnyAsync(p => p.Slug == slug, cancellationToken))
        {
            await SaveAsync(new Page { Slug = slug, Title = title, Body = body, Published = true }, cancellationToken);
        }
    }
}
