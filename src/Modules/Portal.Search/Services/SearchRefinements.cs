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

/// <summary>Until the editors' tools land: the query alone, no best bets, nothing counted.</summary>
internal sealed class NoSearchRefinements : ISearchRefinements
{
    public Task<IReadOnlyList<string>> ExpandAsync(string query, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([query]);

    public Task<IReadOnlyList<string>> BestBetsAsync(string query, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    public void RecordMiss(string query)
    {
    }
}
