using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;

namespace Portal.Search.Services;

/// <summary>
/// A site's editors' say in its search (item 5 of issue 13): the synonyms a query is expanded with,
/// the items a query must show first, and the queries that found nothing. Read at query time, so
/// a change applies without a rebuild.
/// </summary>
public interface ISearchRefinements
{
    /// <summary>The query as typed first, then the same query with each synonym group of the site put in (at most a few).</summary>
    Task<IReadOnlyList<string>> ExpandAsync(string query, CancellationToken cancellationToken);

    /// <summary>The index keys (<see cref="SearchDocuments.KeyOf"/>) of the site's best bets for this query, in their order.</summary>
    Task<IReadOnlyList<string>> BestBetsAsync(string query, CancellationToken cancellationToken);

    /// <summary>Counts a query that found nothing on this site (buffered; never slows the page).</summary>
    void RecordMiss(string query);
}

/// <summary>
/// The site's synonyms and best bets from <see cref="SearchRefinementSnapshot"/> (memory, not the
/// database, per search), and its misses into <see cref="SearchMissLog"/>.
/// </summary>
internal sealed class SearchRefinements(TenantContext current, PortalDbContext db, IMemoryCache cache, SearchMissLog misses) : ISearchRefinements
{
    private bool countMisses = true;

    /// <summary>
    /// For the editors' own searches (choosing a best bet at /admin/search): what they look for is
    /// not a visitor's question, so it is not counted. The service is scoped, so this is the request's.
    /// </summary>
    public void StopCountingMisses() => countMisses = false;

    public async Task<IReadOnlyList<string>> ExpandAsync(string query, CancellationToken cancellationToken)
    {
        if (!current.IsResolved)
        {
            return [query];
        }

        var snapshot = await SearchRefinementSnapshot.GetAsync(cache, db, current.TenantId, cancellationToken);
        return snapshot.Synonyms.Expand(query);
    }

    public async Task<IReadOnlyList<string>> BestBetsAsync(string query, CancellationToken cancellationToken)
    {
        if (!current.IsResolved)
        {
            return [];
        }

        var snapshot = await SearchRefinementSnapshot.GetAsync(cache, db, current.TenantId, cancellationToken);
        return snapshot.BestBets.GetValueOrDefault(SearchRefinementText.Normalize(query)) ?? [];
    }

    public void RecordMiss(string query)
    {
        if (countMisses && current.IsResolved)
        {
            misses.Record(current.TenantId, query);
        }
    }
}
