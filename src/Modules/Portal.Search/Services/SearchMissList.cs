using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Search.Models;

namespace Portal.Search.Services;

/// <summary>The site's queries that found nothing, most frequent first, for the board at /admin/search.</summary>
public sealed class SearchMissList(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Misses last seen within <see cref="SearchMissLog.Window"/>, most frequent first.</summary>
    public async Task<(IReadOnlyList<SearchMiss> Items, int Total)> PageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - SearchMissLog.Window;
        var recent = db.Set<SearchMiss>().AsNoTracking().Where(m => m.LastSeenUtc >= since);
        var total = await recent.CountAsync(cancellationToken);
        var items = await recent.OrderByDescending(m => m.Count).ThenByDescending(m => m.LastSeenUtc).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>Takes a miss off the list (dealt with); it comes back, counted afresh, if visitors keep finding nothing.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<SearchMiss>().Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
}
