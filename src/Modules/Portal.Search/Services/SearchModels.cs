using Portal.Core.Tenancy;

namespace Portal.Search.Services;

/// <summary>What a visitor asked: the words, the filters, the page, and whether the sites below this one are searched too.</summary>
public sealed record SearchRequest(string? Query)
{
    public IReadOnlyList<string> Types { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = SiteSearch.DefaultPageSize;

    /// <summary>This site and every site below it (<c>scope=all</c>).</summary>
    public bool AllSites { get; init; }

    /// <summary>Newest first instead of best match first.</summary>
    public bool NewestFirst { get; init; }
}

/// <summary>One result: where it is, on which site, and its title and snippet with the matched words marked.</summary>
public sealed record SearchHit(
    string Key,
    string ContentType,
    string TypeName,
    Tenant Site,
    string Path,
    DateTime DateUtc,
    SearchSnippet Title,
    SearchSnippet Snippet,
    bool BestBet);

/// <summary>A page of results, with what the page tells the visitor when there are none.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize)
{
    public static readonly SearchResults Empty = new([], 0, 1, SiteSearch.DefaultPageSize);

    /// <summary>A query that finds something, offered when this one found nothing because of a typo.</summary>
    public string? DidYouMean { get; init; }

    /// <summary>Why nothing was searched for: no word left, or the index is still being built.</summary>
    public string? Notice { get; init; }

    /// <summary>The query was longer than <see cref="Portal.Core.Search.SearchQueryBuilder.MaxQueryLength"/> characters and was cut.</summary>
    public bool Truncated { get; init; }

    public int PageCount => Total == 0 ? 0 : (int)Math.Ceiling(Total / (double)PageSize);
}
