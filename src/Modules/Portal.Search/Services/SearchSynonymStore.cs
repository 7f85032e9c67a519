using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Search.Models;

namespace Portal.Search.Services;

/// <summary>A site's synonym groups for /admin/search. A save applies to the next search on this node, and within <see cref="SearchRefinementSnapshot.Lifetime"/> on the others.</summary>
public sealed class SearchSynonymStore(PortalDbContext db, IMemoryCache cache, TenantContext current, TimeProvider clock)
{
    /// <summary>The site's groups by their first term (a site has tens, not thousands: sorted here, the terms being a JSON column).</summary>
    public async Task<IReadOnlyList<SearchSynonymGroup>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await db.Set<SearchSynonymGroup>().AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(g => SearchRefinementText.Normalize(g.Terms.FirstOrDefault()), StringComparer.Ordinal).ThenBy(g => g.Id)];

    public Task<SearchSynonymGroup?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<SearchSynonymGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);

    /// <summary>Adds a group (<paramref name="id"/> null) or replaces one's terms; the error is the reason it was refused.</summary>
    public async Task<(SearchSynonymGroup? Group, string? Error)> SaveAsync(int? id, IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var all = await db.Set<SearchSynonymGroup>().ToListAsync(cancellationToken);
        var group = id is null ? new SearchSynonymGroup() : all.FirstOrDefault(g => g.Id == id);
        if (group is null)
        {
            return (null, null);
        }

        if (SearchSynonymRules.Check(terms, all.Where(g => g.Id != id).Select(g => (IReadOnlyList<string>)g.Terms)) is { } error)
        {
            return (null, error);
        }

        group.Terms = [.. terms];
        group.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        if (id is null)
        {
            db.Add(group);
        }

        await db.SaveChangesAsync(cancellationToken);
        SearchRefinementSnapshot.Forget(cache, current.TenantId);
        return (group, null);
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<SearchSynonymGroup>().Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
        SearchRefinementSnapshot.Forget(cache, current.TenantId);
        return deleted;
    }
}
