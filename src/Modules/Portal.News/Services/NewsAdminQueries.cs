using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;

namespace Portal.News.Services;

/// <summary>The editors' list: the latest version of every article, filtered and sorted.</summary>
public sealed class NewsAdminQueries(PortalDbContext db)
{
    public async Task<(IReadOnlyList<ContentItem> Items, int Total)> SearchAsync(NewsAdminFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Set<ContentItem>().AsNoTracking().Where(c => c.ContentType == NewsFields.ContentType && c.Latest && !c.Deleted);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            query = query.Where(c => c.Title.Contains(term) || c.Slug.Contains(term));
        }

        if (filter.State is { } state)
        {
            query = query.Where(c => c.State == state);
        }

        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            query = query.Where(c => c.Category == filter.Category);
        }

        if (!string.IsNullOrWhiteSpace(filter.Author))
        {
            query = query.Where(c => c.AuthorName.Contains(filter.Author.Trim()));
        }

        if (filter.OwnOnly is { } owner)
        {
            query = query.Where(c => c.AuthorId == owner);
        }

        if (filter.From is { Year: > 1900 and < 9000 } from)
        {
            var start = DateTime.SpecifyKind(from.Date, DateTimeKind.Utc);
            query = query.Where(c => c.ModifiedUtc >= start);
        }

        if (filter.To is { Year: > 1900 and < 9000 } to)
        {
            var end = DateTime.SpecifyKind(to.Date.AddDays(1), DateTimeKind.Utc);
            query = query.Where(c => c.ModifiedUtc < end);
        }

        query = filter.Sort switch
        {
            "title" => query.OrderBy(c => c.Title).ThenBy(c => c.Id),
            "published" => query.OrderByDescending(c => c.PublishedUtc).ThenByDescending(c => c.Id),
            _ => query.OrderByDescending(c => c.ModifiedUtc).ThenByDescending(c => c.Id),
        };
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }
}

public sealed record NewsAdminFilter(string? Search, ContentState? State, string? Category, string? Author, DateTime? From, DateTime? To, string Sort, string? OwnOnly);
