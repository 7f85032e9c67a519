using Lucene.Net.Search;

namespace Portal.Core.Search;

/// <summary>
/// Runs a visitor's query (one or more variants: the words, and the same with a site's synonyms)
/// under a filter: the first pass matches and scores the words and collects the best
/// <see cref="RescoreDepth"/> (or as many as the page needs), then the phrases of every variant
/// rescore only those. The ranking of the first results is the same as scoring the phrases on
/// every match; a province-wide search with tens of thousands of matches no longer pays for them.
/// </summary>
public static class SearchExecution
{
    public const int RescoreDepth = 100;

    /// <param name="filter">What the results must match without it scoring (site, language, types, dates).</param>
    /// <param name="excluded">Documents left out (the best bets, shown apart).</param>
    /// <param name="want">How many results the page needs, from the first.</param>
    /// <param name="newest">Newest first, by <paramref name="dateSortField"/>, then by score.</param>
    public static TopDocs Search(IndexSearcher searcher, IReadOnlyList<SearchQueryParts> variants, Query filter, IEnumerable<Query> excluded, int want, bool newest = false, string? dateSortField = null)
    {
        var match = variants.Count == 1 ? variants[0].Match : Either(variants.Select(v => v.Match));
        var main = new BooleanQuery { { match, Occur.MUST }, { filter, Occur.MUST } };
        foreach (var query in excluded)
        {
            main.Add(query, Occur.MUST_NOT);
        }

        if (newest && dateSortField is not null)
        {
            return searcher.Search(main, null, want, new Sort(new SortField(dateSortField, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE));
        }

        // Depth in whole hundreds, so pages 1–10 rank the same hundred and never repeat a result.
        var depth = Math.Max(RescoreDepth, (want + RescoreDepth - 1) / RescoreDepth * RescoreDepth);
        var first = searcher.Search(main, depth);
        var proximity = variants.Select(v => v.Proximity).Where(p => p is not null).ToList();
        if (proximity.Count == 0 || first.ScoreDocs.Length < 2)
        {
            return first;
        }

        return QueryRescorer.Rescore(searcher, first, proximity.Count == 1 ? proximity[0] : Either(proximity!), 1.0, depth);
    }

    private static BooleanQuery Either(IEnumerable<Query?> queries)
    {
        var either = new BooleanQuery();
        foreach (var query in queries)
        {
            either.Add(query!, Occur.SHOULD);
        }

        return either;
    }
}
