using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>Readers' comments of the current site: written pending, shown once approved.</summary>
public sealed class CommentStore(PortalDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ArticleComment>> ApprovedAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var comments = new List<ArticleComment>();
        await foreach (var comment in ApprovedQuery.For(db)(db, contentItemId).WithCancellation(cancellationToken))
        {
            comments.Add(comment);
        }

        return comments;
    }

    // Read on every article view (the uncached hot page), so compiled once.
    private static readonly CompiledQuery<Func<PortalDbContext, string, IAsyncEnumerable<ArticleComment>>> ApprovedQuery = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, string contentItemId) => db.Set<ArticleComment>().AsNoTracking()
            .Where(c => c.ContentItemId == contentItemId && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedUtc).Take(200)));

    public async Task AddAsync(ArticleComment comment, CancellationToken cancellationToken)
    {
        comment.Status = CommentStatus.Pending;
        comment.CreatedUtc = clock.GetUtcNow().UtcDateTime;
        db.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<(ArticleComment Comment, string ArticleTitle)> Items, int Total)> ByStatusAsync(CommentStatus status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Set<ArticleComment>().AsNoTracking().Where(c => c.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var comments = await query.OrderByDescending(c => c.CreatedUtc).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = comments.Select(c => c.ContentItemId).Distinct().ToList();
        var titles = await db.Set<ContentItem>().AsNoTracking().Where(c => ids.Contains(c.ContentItemId) && c.Latest)
            .ToDictionaryAsync(c => c.ContentItemId, c => c.Title, cancellationToken);
        return ([.. comments.Select(c => (c, titles.GetValueOrDefault(c.ContentItemId, "")))], total);
    }

    /// <summary>False when the comment does not exist on this site.</summary>
    public async Task<bool> ModerateAsync(int id, CommentStatus? status, CancellationToken cancellationToken)
    {
        var comment = await db.Set<ArticleComment>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return false;
        }

        if (status is { } s)
        {
            comment.Status = s;
        }
        else
        {
            db.Remove(comment);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
