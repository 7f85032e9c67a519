using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;

namespace Portal.Contents.Services;

/// <summary>The shared list: the latest version of every item of the given types, filtered and sorted the same way for all.</summary>
public sealed class ContentListQueries(PortalDbContext db)
{
    public async Task<(IReadOnlyList<ContentItem> Items, int Total)> SearchAsync(ContentListFilter filter, IReadOnlyCollection<string> types, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Set<ContentItem>().AsNoTracking().Where(c => c.Latest && !c.Deleted && types.Contains(c.ContentType));
        if (filter.OwnOnlyTypes.Count > 0)
        {
            var own = filter.OwnOnlyTypes.ToList();
            var userId = filter.UserId;
            query = query.Where(c => !own.Contains(c.ContentType) || c.AuthorId == userId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Case-insensitive on both providers: SQLite's LIKE folds ASCII only, so the title is
            // also matched through its slug, which is folded ("đường" finds "Đường"; "duong" too).
            var term = filter.Search.Trim();
            var pattern = "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            var slug = Slugs.FromTitle(term);
            query = db.Database.IsNpgsql()
                ? query.Where(c => EF.Functions.ILike(c.Title, pattern, "\\") || (slug != "" && c.Slug.Contains(slug)) || c.ContentItemId == term)
                : query.Where(c => EF.Functions.Like(c.Title, pattern, "\\") || (slug != "" && c.Slug.Contains(slug)) || c.ContentItemId == term);
        }

        if (filter.Narrow is { } narrow)
        {
            query = narrow(query);
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
            var author = filter.Author.Trim();
            query = query.Where(c => c.AuthorName.Contains(author) || c.ModifiedByName.Contains(author));
        }

        // Dates are the editors' days in Vietnam's time (UTC+7); a year no editor means (0001, 9999
        // from a typed address) is ignored rather than overflowing the arithmetic.
        if (filter.From is { } from && VietnamTime.StartOfDayUtc(from) is { } start)
        {
            query = query.Where(c => c.ModifiedUtc >= start);
        }

        if (filter.To is { } to && VietnamTime.StartOfDayUtc(to) is { } toStart)
        {
            var end = toStart.AddDays(1);
            query = query.Where(c => c.ModifiedUtc < end);
        }

        query = filter.Sort switch
        {
            "title" => query.OrderBy(c => c.Title).ThenBy(c => c.Id),
            "published" => query.OrderByDescending(c => c.PublishedUtc).ThenByDescending(c => c.Id),
            "created" => query.OrderByDescending(c => c.CreatedUtc).ThenByDescending(c => c.Id),
            _ => query.OrderByDescending(c => c.ModifiedUtc).ThenByDescending(c => c.Id),
        };
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>The categories in use by the given types, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> CategoriesAsync(IReadOnlyCollection<string> types, CancellationToken cancellationToken) =>
        await db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.Latest && !c.Deleted && c.Category != "" && types.Contains(c.ContentType))
            .Select(c => c.Category).Distinct().OrderBy(c => c).Take(500).ToListAsync(cancellationToken);
}

public sealed record ContentListFilter(string? Search, ContentState? State, string? Category, string? Author, DateTime? From, DateTime? To, string Sort)
{
    /// <summary>Types where this person sees only the items they wrote (a reporter's).</summary>
    public IReadOnlySet<string> OwnOnlyTypes { get; init; } = new HashSet<string>();

    public string UserId { get; init; } = "";

    /// <summary>The chosen type's own filters (<see cref="IContentListFilter.Apply"/>), applied to the latest versions.</summary>
    public Func<IQueryable<ContentItem>, IQueryable<ContentItem>>? Narrow { get; init; }
}
