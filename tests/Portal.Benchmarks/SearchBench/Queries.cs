using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Search;
using Portal.Core.Tenancy;
using Portal.Search.Services;

namespace SearchBench;

/// <summary>
/// The search service's query time in one site's scope (as a request would: a scope per query,
/// <see cref="SiteSearch"/> resolved from it), and three baselines on the same index and searcher:
/// a plain <see cref="TermQuery"/> (one folded word, top 10), the service's own Lucene query and
/// filter without anything around it (top 10, no stored fields), and that plus the 10 hits' stored
/// fields. The differences say where the service's time goes.
/// </summary>
internal static class Queries
{
    private const int Warmup = 400;

    public static async Task RunAsync(IServiceProvider services, SearchIndex index, Tenant site, bool allSites, int count, string label, Action<string, string> report)
    {
        var scopes = services.GetRequiredService<TenantScopeFactory>();
        var catalog = services.GetRequiredService<TenantCatalog>();
        var list = Corpus.Queries;

        async Task<int> Full(string q)
        {
            await using var scope = scopes.CreateScope(site);
            var results = await scope.ServiceProvider.GetRequiredService<SiteSearch>().SearchAsync(new SearchRequest(q) { AllSites = allSites }, CancellationToken.None);
            return results.Total;
        }

        Query Filter() =>
            new ConstantScoreQuery(new BooleanQuery
            {
                { allSites ? new ProvinceWideSearch(catalog).Filter(site) : new TermQuery(SearchDocuments.SiteTerm(site.Id)), Occur.MUST },
                { new TermQuery(new Term(SearchDocuments.Language, "vi")), Occur.MUST },
            }) { Boost = 0f };

        int Lucene(string q, bool loadDocs, bool snippets = false, Func<Query, bool>? drop = null) => index.Search(searcher =>
        {
            var parsed = SearchQueryBuilder.Parse(q, "vi");
            var query = SearchQueryBuilder.Build(parsed);
            if (query is not null && drop is not null)
            {
                query = Without(query, drop);
            }

            if (query is null)
            {
                return (object)0;
            }

            var top = searcher.Search(new BooleanQuery { { query, Occur.MUST }, { Filter(), Occur.MUST } }, 10);
            if (loadDocs)
            {
                foreach (var hit in top.ScoreDocs)
                {
                    var doc = searcher.Doc(hit.Doc);
                    if (snippets)
                    {
                        SearchSnippets.Highlight(doc.Get(SearchDocuments.Title) ?? "", parsed);
                        SearchSnippets.Highlight(doc.Get(SearchDocuments.Snippet) ?? "", parsed, SearchSnippets.DefaultLength);
                    }
                }
            }

            return top.TotalHits;
        }) is int n ? n : -1;

        // Only the Lucene search (no filter, no stored fields) of the service's query, to see which queries cost.
        var luceneOnly = new Dictionary<string, List<double>>();

        int Term(string q) => index.Search(searcher =>
        {
            var word = VietnameseText.Fold(q).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            return (object)searcher.Search(new TermQuery(new Term(SearchFields.BodyFolded, word)), 10).TotalHits;
        }) is int n ? n : -1;

        for (var i = 0; i < Warmup; i++)
        {
            await Full(list[i % list.Length]);
            Lucene(list[i % list.Length], loadDocs: true);
            Term(list[i % list.Length]);
        }

        var full = new List<double>(count);
        var perQuery = new Dictionary<string, List<double>>();
        long totalHits = 0;
        var zeroHits = 0;
        for (var i = 0; i < count; i++)
        {
            var q = list[i % list.Length];
            var t = Stopwatch.GetTimestamp();
            var hits = await Full(q);
            var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            full.Add(ms);
            (perQuery.TryGetValue(q, out var l) ? l : perQuery[q] = []).Add(ms);
            totalHits += hits;
            zeroHits += hits == 0 ? 1 : 0;
        }

        List<double> Timed(Func<string, int> run)
        {
            var times = new List<double>(count);
            for (var i = 0; i < count; i++)
            {
                var t = Stopwatch.GetTimestamp();
                run(list[i % list.Length]);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }

            return times;
        }

        var lucene = Timed(q =>
        {
            var t = Stopwatch.GetTimestamp();
            var n = Lucene(q, loadDocs: false);
            (luceneOnly.TryGetValue(q, out var l) ? l : luceneOnly[q] = []).Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            return n;
        });
        var luceneDocs = Timed(q => Lucene(q, loadDocs: true));
        var luceneSnippets = Timed(q => Lucene(q, loadDocs: true, snippets: true));
        var noPrefix = Timed(q => Lucene(q, loadDocs: false, drop: c => c is PrefixQuery));
        var noPhrase = Timed(q => Lucene(q, loadDocs: false, drop: c => c is MultiPhraseQuery or PhraseQuery));
        var term = Timed(Term);
        report($"q_{label}_service", Bench.Percentiles(full, out var p50, out var p95));
        report($"q_{label}_service_p50", p50.ToString("0.000", CultureInfo.InvariantCulture));
        report($"q_{label}_service_p95", p95.ToString("0.000", CultureInfo.InvariantCulture));
        report($"q_{label}_lucene_query_filter", Bench.Percentiles(lucene, out _, out _));
        report($"q_{label}_lucene_query_filter_docs", Bench.Percentiles(luceneDocs, out _, out _));
        report($"q_{label}_lucene_query_filter_docs_snippets", Bench.Percentiles(luceneSnippets, out _, out _));
        report($"q_{label}_lucene_without_prefix", Bench.Percentiles(noPrefix, out _, out _));
        report($"q_{label}_lucene_without_phrases", Bench.Percentiles(noPhrase, out _, out _));
        report($"q_{label}_lucene_slowest", string.Join(" | ", luceneOnly.OrderByDescending(p => p.Value.Average()).Take(6)
            .Select(p => $"'{p.Key}' {p.Value.Average().ToString("0.00", CultureInfo.InvariantCulture)} ms")));
        report($"q_{label}_termquery", Bench.Percentiles(term, out var t50, out var t95));
        report($"q_{label}_termquery_p50", t50.ToString("0.000", CultureInfo.InvariantCulture));
        report($"q_{label}_termquery_p95", t95.ToString("0.000", CultureInfo.InvariantCulture));
        report($"q_{label}_avg_hits", (totalHits / (double)count).ToString("0", CultureInfo.InvariantCulture));
        report($"q_{label}_zero_hit_share", (zeroHits / (double)count).ToString("0.00", CultureInfo.InvariantCulture));
        report($"q_{label}_slowest", string.Join(" | ", perQuery.OrderByDescending(p => p.Value.Average()).Take(6)
            .Select(p => $"'{p.Key}' {p.Value.Average().ToString("0.00", CultureInfo.InvariantCulture)} ms")));
    }

    /// <summary>The service's query with some clauses left out (an experiment: which kind of clause costs).</summary>
    private static Query Without(Query query, Func<Query, bool> drop)
    {
        if (query is not BooleanQuery boolean)
        {
            return query;
        }

        var copy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        foreach (var clause in boolean.Clauses)
        {
            if (!drop(clause.Query))
            {
                copy.Add(Without(clause.Query, drop), clause.Occur);
            }
        }

        return copy;
    }

    /// <summary>What the province-wide filter costs to build per query (it walks the tenant tree).</summary>
    public static void FilterCost(IServiceProvider services, Tenant province, Action<string, string> report)
    {
        var wide = new ProvinceWideSearch(services.GetRequiredService<TenantCatalog>());
        for (var i = 0; i < 200; i++)
        {
            wide.Filter(province);
            wide.HasSitesBelow(province);
        }

        var t = Stopwatch.GetTimestamp();
        for (var i = 0; i < 2000; i++)
        {
            wide.Filter(province);
        }

        report("province_filter_build_us", (Stopwatch.GetElapsedTime(t).TotalMicroseconds / 2000).ToString("0.0", CultureInfo.InvariantCulture));
    }
}
