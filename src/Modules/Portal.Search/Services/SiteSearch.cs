using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Portal.Core.Contents;
using Portal.Core.Search;
using Portal.Core.Tenancy;

namespace Portal.Search.Services;

/// <summary>
/// The one search service: every query it runs is filtered to the current site, or through
/// <see cref="ProvinceWideSearch"/> to the site and the sites below it — never to anything else.
/// No query parser: what a visitor types is only words (<see cref="SearchQueryBuilder"/>), so
/// Lucene syntax, unbalanced quotes and 10,000 characters give results or a plain notice.
/// </summary>
public sealed class SiteSearch(
    SearchIndex index,
    TenantContext current,
    ProvinceWideSearch province,
    ISearchRefinements refinements,
    IEnumerable<ContentTypeDefinition> definitions,
    IEnumerable<ISearchSource> sources)
{
    public const int DefaultPageSize = 10;

    public const int MaxPageSize = 50;

    /// <summary>Deeper pages are not offered: nobody reads the 1,001st result, and collecting it costs.</summary>
    public const int MaxResults = 1000;

    private readonly Dictionary<string, string> typeNames = definitions.GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.First().DisplayName);

    /// <summary>The types a visitor can filter on (those in search), by their editors' names.</summary>
    public IReadOnlyList<(string Type, string Name)> Types() =>
        [.. sources.Select(s => s.ContentType).Distinct().Where(typeNames.ContainsKey).Where(t => current.Tenant.HasFeature(FeatureOf(t))).Select(t => (t, typeNames[t]))];

    public bool CanSearchBelow => province.HasSitesBelow(current.Tenant);

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var site = current.Tenant;
        var text = request.Query ?? "";
        var truncated = text.Length > SearchQueryBuilder.MaxQueryLength;
        var culture = site.DefaultCulture;
        var parsed = SearchQueryBuilder.Parse(text, culture);
        var size = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(request.Page, 1, MaxResults / size);
        if (parsed.IsEmpty)
        {
            return SearchResults.Empty with { PageSize = size, Truncated = truncated, Notice = string.IsNullOrWhiteSpace(text) ? null : "Không có từ nào để tìm: hãy gõ ít nhất một từ có chữ hoặc số." };
        }

        var normalized = VietnameseText.Normalize(truncated ? text[..SearchQueryBuilder.MaxQueryLength] : text).Trim();
        var variants = await refinements.ExpandAsync(normalized, cancellationToken);
        var queries = variants.Select(v => v == normalized ? SearchQueryBuilder.BuildParts(parsed) : SearchQueryBuilder.BuildParts(SearchQueryBuilder.Parse(v, culture)))
            .Where(q => q is not null).Cast<SearchQueryParts>().ToList();
        var bets = page == 1 ? await refinements.BestBetsAsync(normalized, cancellationToken) : [];
        var filter = Filter(site, request, culture);

        var results = index.Search(searcher =>
        {
            var want = Math.Min(page * size, MaxResults);
            var top = SearchExecution.Search(searcher, queries, filter, bets.Select(key => new TermQuery(new Term(SearchDocuments.Key, key))), want, request.NewestFirst, SearchDocuments.DateSort);
            var hits = new List<SearchHit>(size);
            var betHits = BestBetHits(searcher, bets, filter, parsed);
            hits.AddRange(betHits);
            foreach (var scoreDoc in top.ScoreDocs.Skip((page - 1) * size).Take(size))
            {
                if (Hit(searcher.Doc(scoreDoc.Doc), parsed, bestBet: false) is { } hit)
                {
                    hits.Add(hit);
                }
            }

            string? suggestion = null;
            if (top.TotalHits == 0 && betHits.Count == 0)
            {
                suggestion = SearchSuggestions.Suggest(searcher.IndexReader, parsed);
                if (suggestion is not null && SearchQueryBuilder.Build(suggestion, culture) is { } retry
                    && searcher.Search(new BooleanQuery { { retry, Occur.MUST }, { filter, Occur.MUST } }, 1).TotalHits == 0)
                {
                    suggestion = null; // only what finds something here is offered
                }
            }

            return new SearchResults(hits, top.TotalHits + betHits.Count, page, size) { DidYouMean = suggestion, Truncated = truncated };
        });

        if (results is null)
        {
            return SearchResults.Empty with { PageSize = size, Notice = "Chức năng tìm kiếm đang được chuẩn bị, xin thử lại sau ít phút." };
        }

        if (results.Total == 0)
        {
            refinements.RecordMiss(normalized);
        }

        return results;
    }

    /// <summary>The site (or the site and those below it), the language, the types and the dates asked for.</summary>
    private Query Filter(Tenant site, SearchRequest request, string culture)
    {
        var filter = new BooleanQuery
        {
            { request.AllSites ? province.Filter(site) : new TermQuery(SearchDocuments.SiteTerm(site.Id)), Occur.MUST },
            { new TermQuery(new Term(SearchDocuments.Language, SearchDocuments.LanguageOf(culture))), Occur.MUST },
        };
        var types = request.Types.Where(t => sources.Any(s => s.ContentType == t)).Distinct().ToList();
        if (types.Count > 0)
        {
            var anyType = new BooleanQuery();
            foreach (var type in types)
            {
                anyType.Add(new TermQuery(new Term(SearchDocuments.Type, type)), Occur.SHOULD);
            }

            filter.Add(anyType, Occur.MUST);
        }

        if (request.From is not null || request.To is not null)
        {
            // Dates are the visitor's (Vietnam); the stored ticks are UTC.
            long? from = request.From is { } f ? Portal.Core.VietnamTime.ToUtc(f.ToDateTime(TimeOnly.MinValue))?.Ticks : null;
            long? to = request.To is { } t ? Portal.Core.VietnamTime.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue))?.Ticks - 1 : null;
            filter.Add(NumericRangeQuery.NewInt64Range(SearchDocuments.Date, from, to, true, true), Occur.MUST);
        }

        // Only a filter: it must not change how results rank against each other.
        return new ConstantScoreQuery(filter) { Boost = 0f };
    }

    private List<SearchHit> BestBetHits(IndexSearcher searcher, IReadOnlyList<string> keys, Query filter, ParsedSearchQuery parsed)
    {
        var hits = new List<SearchHit>();
        foreach (var key in keys)
        {
            var top = searcher.Search(new BooleanQuery { { new TermQuery(new Term(SearchDocuments.Key, key)), Occur.MUST }, { filter, Occur.MUST } }, 1);
            if (top.ScoreDocs.Length > 0 && Hit(searcher.Doc(top.ScoreDocs[0].Doc), parsed, bestBet: true) is { } hit)
            {
                hits.Add(hit);
            }
        }

        return hits;
    }

    private SearchHit? Hit(Lucene.Net.Documents.Document doc, ParsedSearchQuery parsed, bool bestBet)
    {
        if (!int.TryParse(doc.Get(SearchDocuments.Site), NumberStyles.None, CultureInfo.InvariantCulture, out var siteId) || province.Site(siteId) is not { } site)
        {
            return null; // a site removed a moment ago, before this node dropped its documents
        }

        var type = doc.Get(SearchDocuments.Type) ?? "";
        var date = new DateTime(doc.GetField(SearchDocuments.Date)?.GetInt64Value() ?? 0, DateTimeKind.Utc);
        return new SearchHit(
            doc.Get(SearchDocuments.Key) ?? "",
            type,
            typeNames.GetValueOrDefault(type, type),
            site,
            doc.Get(SearchDocuments.Path) ?? "~/",
            date,
            SearchSnippets.Highlight(doc.Get(SearchDocuments.Title) ?? "", parsed),
            SearchSnippets.Highlight(doc.Get(SearchDocuments.Snippet) ?? "", parsed, SearchSnippets.DefaultLength),
            bestBet);
    }

    private string FeatureOf(string type) => definitions.FirstOrDefault(d => d.Type == type)?.FeatureId ?? "";
}
