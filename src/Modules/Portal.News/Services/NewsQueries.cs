using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>An article page's article: its projection row, the published version's fields and its category.</summary>
public sealed record ArticlePage(PublishedArticle Article, string Data, NewsCategory? Category);

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

    public async Task<IReadOnlyList<PublishedArticle>> RelatedAsync(PublishedArticle article, int count, CancellationToken cancellationToken)
    {
        var related = new List<PublishedArticle>(count);
        await foreach (var row in RelatedQuery.For(db)(db, article.Category, article.Culture, article.ContentItemId, count).WithCancellation(cancellationToken))
        {
            related.Add(row);
        }

        return related;
    }

    /// <summary>
    /// Everything the article page needs about the article in one query: its projection row, the
    /// published version's fields and its category. The connection stays open for the page's other
    /// queries (related articles, comments): each open and close of a pooled SQLite connection
    /// takes the pool's lock and registers EF's SQL functions again, which the page benchmark's
    /// profile showed as a tenth of the page's cost.
    /// </summary>
    public async Task<ArticlePage?> ArticlePageAsync(string slug, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var row = await ArticleQuery.For(db)(db, slug);
        return row?.Data is null
            ? null
            : new ArticlePage(row.Article, row.Data, row.CategoryName is null ? null : new NewsCategory { Slug = row.Article.Category, Name = row.CategoryName });
    }

    // The article page is the one uncached hot page, so its queries are compiled once: EF Core
    // then skips walking the expression tree for parameters and the query-cache lookup per view.
    // Scalar subqueries, not joins: without table statistics SQLite would start a join from the
    // content table and read every published item of the site.
    private static readonly CompiledQuery<Func<PortalDbContext, string, Task<ArticleRow?>>> ArticleQuery = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, string slug) => db.Set<PublishedArticle>().AsNoTracking()
            .Where(a => a.Slug == slug && a.Culture == "vi")
            .Select(a => new ArticleRow(
                a,
                db.Set<ContentItem>().Where(c => c.ContentItemId == a.ContentItemId && c.Published && !c.Deleted).Select(c => c.Data).FirstOrDefault(),
                db.Set<NewsCategory>().Where(c => c.Slug == a.Category).Select(c => c.Name).FirstOrDefault()))
            .FirstOrDefault()));

    private static readonly CompiledQuery<Func<PortalDbContext, string, string, string, int, IAsyncEnumerable<PublishedArticle>>> RelatedQuery = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, string category, string culture, string exceptId, int count) => db.Set<PublishedArticle>().AsNoTracking()
            .Where(a => a.Category == category && a.Culture == culture && a.ContentItemId != exceptId)
            .OrderByDescending(a => a.PublishedUtc).Take(count)));

    private sealed record ArticleRow(PublishedArticle Article, string? Data, string? CategoryName);

    public async Task<IReadOnlyList<NewsCategory>> CategoriesAsync(CancellationToken cancellationToken) =>
        await db.Set<NewsCategory>().AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Name).ToListAsync(cancellationToken);

    public Task<NewsCategory?> CategoryAsync(string slug, CancellationToken cancellationToken) =>
        db.Set<NewsCategory>().AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
}
