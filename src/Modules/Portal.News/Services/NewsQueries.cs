using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>What the public pages read: the published projection, newest first.</summary>
public sealed class NewsQueries(PortalDbContext db)
{
    public async Task<(IReadOnlyList<PublishedArticle> Items, int Total)> LatestAsync(string? category, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Set<PublishedArticle>().AsNoTracking().Where(a => a.Culture == "vi");
        if (category is not null)
        {
            query = query.Where(a => a.Category == category);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.PublishedUtc).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<IReadOnlyList<PublishedArticle>> FeaturedAsync(int count, CancellationToken cancellationToken) =>
        await db.Set<PublishedArticle>().AsNoTracking().Where(a => a.Featured && a.Culture == "vi").OrderByDescending(a => a.PublishedUtc).Take(count).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PublishedArticle>> RelatedAsync(PublishedArticle article, int count, CancellationToken cancellationToken) =>
        await db.Set<PublishedArticle>().AsNoTracking()
            .Where(a => a.Category == article.Category && a.Culture == article.Culture && a.ContentItemId != article.ContentItemId)
            .OrderByDescending(a => a.PublishedUtc).Take(count).ToListAsync(cancellationToken);

    public Task<PublishedArticle?> ArticleAsync(string slug, CancellationToken cancellationToken) =>
        db.Set<PublishedArticle>().AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug && a.Culture == "vi", cancellationToken);

    public Task<ContentItem?> PublishedVersionAsync(string contentItemId, CancellationToken cancellationToken) =>
        db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Published && !c.Deleted, cancellationToken);

    public async Task<IReadOnlyList<NewsCategory>> CategoriesAsync(CancellationToken cancellationToken) =>
        await db.Set<NewsCategory>().AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Name).ToListAsync(cancellationToken);

    public Task<NewsCategory?> CategoryAsync(string slug, CancellationToken cancellationToken) =>
        db.Set<NewsCategory>().AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
}
