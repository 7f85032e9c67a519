using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Persistence;
using Portal.Search.Models;

namespace Portal.Search.Services;

/// <summary>
/// A site's synonyms and best bets as read at query time, kept in memory so a search costs no
/// database round trip. The node that saves a change forgets the site's copy at once; other nodes
/// see it within <see cref="Lifetime"/>.
/// </summary>
internal sealed class SearchRefinementSnapshot(SearchSynonymExpansion synonyms, IReadOnlyDictionary<string, IReadOnlyList<string>> bestBets)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(20);

    public SearchSynonymExpansion Synonyms { get; } = synonyms;

    /// <summary>Index keys (<see cref="SearchDocuments.KeyOf"/>) by normalized query, in their order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> BestBets { get; } = bestBets;

    public static void Forget(IMemoryCache cache, int tenantId) => cache.Remove(CacheKey(tenantId));

    public static async Task<SearchRefinementSnapshot> GetAsync(IMemoryCache cache, PortalDbContext db, int tenantId, CancellationToken cancellationToken)
    {
        var key = CacheKey(tenantId);
        if (cache.TryGetValue(key, out SearchRefinementSnapshot? snapshot) && snapshot is not null)
        {
            return snapshot;
        }

        // The tenant filter keeps both reads to the site.
        var groups = await db.Set<SearchSynonymGroup>().AsNoTracking().Select(g => g.Terms).ToListAsync(cancellationToken);
        var bets = await db.Set<SearchBestBet>().AsNoTracking()
            .OrderBy(b => b.NormalizedQuery).ThenBy(b => b.Position).ThenBy(b => b.Id)
            .Select(b => new { b.NormalizedQuery, b.ContentType, b.ContentItemId })
            .ToListAsync(cancellationToken);
        snapshot = new SearchRefinementSnapshot(
            new SearchSynonymExpansion(groups),
            bets.GroupBy(b => b.NormalizedQuery, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(b => SearchDocuments.KeyOf(tenantId, b.ContentType, b.ContentItemId))], StringComparer.Ordinal));
        cache.Set(key, snapshot, Lifetime);
        return snapshot;
    }

    private static string CacheKey(int tenantId) => "search-refinements:" + tenantId;
}
