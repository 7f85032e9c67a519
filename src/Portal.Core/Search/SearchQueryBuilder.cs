using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portal.Core.Search;

/// <summary>
/// Builds the Lucene query for what a visitor typed (issue 13, item 2), without Lucene's query
/// parser, so syntax characters and unbalanced quotes are only text:
/// every word must match in the title or the body, exact (diacritics kept, boosted) or folded;
/// a word typed in Telex or VNI may match as the Vietnamese it stands for;
/// the last word also matches as a prefix (a half-typed word);
/// the words next to each other (a phrase with slop, the last word also as a prefix) add to the score;
/// a document number or procedure code is one word and matches as typed.
/// </summary>
public static class SearchQueryBuilder
{
    /// <summary>Longer input is cut: no one types 10,000 characters to find a page.</summary>
    public const int MaxQueryLength = 256;

    public const int MaxWords = 12;

    internal const float ExactBoost = 3f;
    internal const float TitleBoost = 2f;
    internal const float PhraseBoost = 2f;
    internal const float AlternativeFactor = 0.9f;
    internal const float PrefixFactor = 0.5f;
    internal const int PhraseSlop = 2;

    // Visitors paste Lucene or web-search operators; in capitals they are not words to look for.
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT" };

    /// <summary>The query, or null when the text holds no word to search for.</summary>
    public static Query? Build(string? text, string? culture = "vi") => Build(Parse(text, culture));

    /// <summary>
    /// The words of what a visitor typed, as the index's terms: each word's exact and folded terms
    /// (its Telex/VNI reading beside them). What the query, the snippet's highlighting and
    /// "did you mean" share. Empty when nothing is left to search for.
    /// </summary>
    public static ParsedSearchQuery Parse(string? text, string? culture = "vi")
    {
        var language = SearchAnalyzers.LanguageOf(culture);
        var analyzer = SearchAnalyzers.For(language);
        var input = VietnameseText.Normalize(text);
        if (input.Length > MaxQueryLength)
        {
            input = input[..MaxQueryLength];
        }

        var words = language == SearchLanguage.Vietnamese
            ? TypedVietnamese.Words(input)
            : [.. input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => new QueryWord(w, []))];

        var units = new List<SearchQueryUnit>();
        foreach (var word in words.Where(w => !Operators.Contains(w.Text)).Take(MaxWords))
        {
            units.AddRange(Units(analyzer, word));
        }

        return new ParsedSearchQuery(units, language);
    }

    /// <summary>The whole query in one (what matches, plus what ranks adjacent words higher), for a small index or a test.</summary>
    public static Query? Build(ParsedSearchQuery parsed)
    {
        if (BuildParts(parsed) is not { } parts)
        {
            return null;
        }

        if (parts.Proximity is null)
        {
            return parts.Match;
        }

        var query = (BooleanQuery)parts.Match.Clone();
        foreach (var clause in ((BooleanQuery)parts.Proximity).Clauses)
        {
            query.Add(clause.Query, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>
    /// The query in two parts: <see cref="SearchQueryParts.Match"/> decides which documents match
    /// and scores the words; <see cref="SearchQueryParts.Proximity"/> (null for one word) are the
    /// phrases that rank the words next to each other higher. <see cref="SearchExecution"/> scores
    /// the phrases on the best first-pass results only: scored on every match, they cost most of a
    /// province-wide search.
    /// </summary>
    public static SearchQueryParts? BuildParts(ParsedSearchQuery parsed)
    {
        var units = parsed.Units;
        var language = parsed.Language;
        if (units.Count == 0)
        {
            return null;
        }

        var match = new BooleanQuery();
        for (var i = 0; i < units.Count; i++)
        {
            match.Add(UnitQuery(units[i], parsed.PrefixAt(i), foldedPrefix: language == SearchLanguage.Vietnamese), Occur.MUST);
        }

        if (units.Count == 1)
        {
            return new SearchQueryParts(match, null);
        }

        var proximity = new BooleanQuery();
        proximity.Add(Phrase(SearchFields.TitleFolded, units, u => u.Folded, PhraseBoost * TitleBoost), Occur.SHOULD);
        proximity.Add(Phrase(SearchFields.BodyFolded, units, u => u.Folded, PhraseBoost), Occur.SHOULD);
        proximity.Add(Phrase(SearchFields.TitleExact, units, u => u.Exact, PhraseBoost * TitleBoost), Occur.SHOULD);
        if (parsed.PrefixAt(units.Count - 1))
        {
            // The half-typed last word takes part in the phrase too ("quảng ni" next to each other).
            AddPrefixPhrase(proximity, SearchFields.TitleExact, units, u => u.Exact, PhraseBoost * TitleBoost * PrefixFactor);
            if (language == SearchLanguage.Vietnamese)
            {
                AddPrefixPhrase(proximity, SearchFields.TitleFolded, units, u => u.Folded, PhraseBoost * TitleBoost * PrefixFactor);
                AddPrefixPhrase(proximity, SearchFields.BodyFolded, units, u => u.Folded, PhraseBoost * PrefixFactor);
            }
        }

        return new SearchQueryParts(match, proximity);
    }

    private static IEnumerable<SearchQueryUnit> Units(Analyzer analyzer, QueryWord word)
    {
        // The exact analyzer decides the units: a code's parts overlap its whole token and are left
        // to it; a Chinese word segmented by SmartCn gives several units side by side.
        var tokens = Analyze(analyzer, SearchFields.TitleExact, word.Text);
        var kept = new List<(string Term, int Start, int End)>();
        foreach (var token in tokens)
        {
            if (kept.Count == 0 || token.Start >= kept[^1].End)
            {
                kept.Add(token);
            }
        }

        foreach (var (term, start, end) in kept)
        {
            var exact = new List<string> { term };
            var folded = new List<string>();
            AddFirst(folded, analyzer, SearchFields.TitleFolded, word.Text[start..end]);
            if (kept.Count == 1)
            {
                foreach (var alternative in word.Alternatives)
                {
                    AddFirst(exact, analyzer, SearchFields.TitleExact, alternative);
                    AddFirst(folded, analyzer, SearchFields.TitleFolded, alternative);
                }
            }

            yield return new SearchQueryUnit(word.Text[start..end], exact, folded);
        }
    }

    private static Query UnitQuery(SearchQueryUnit unit, bool prefix, bool foldedPrefix)
    {
        var query = new BooleanQuery(disableCoord: true);
        for (var i = 0; i < unit.Exact.Count; i++)
        {
            var factor = i == 0 ? 1f : AlternativeFactor;
            Add(query, new TermQuery(new Term(SearchFields.TitleExact, unit.Exact[i])), ExactBoost * TitleBoost * factor);
            Add(query, new TermQuery(new Term(SearchFields.BodyExact, unit.Exact[i])), ExactBoost * factor);
        }

        for (var i = 0; i < unit.Folded.Count; i++)
        {
            var factor = i == 0 ? 1f : AlternativeFactor;
            Add(query, new TermQuery(new Term(SearchFields.TitleFolded, unit.Folded[i])), TitleBoost * factor);
            Add(query, new TermQuery(new Term(SearchFields.BodyFolded, unit.Folded[i])), factor);
        }

        if (prefix)
        {
            Add(query, new FrequentPrefixQuery(SearchFields.TitleExact, unit.Exact[0]), ExactBoost * TitleBoost * PrefixFactor);
            Add(query, new FrequentPrefixQuery(SearchFields.BodyExact, unit.Exact[0]), ExactBoost * PrefixFactor);
            if (foldedPrefix && unit.Folded.Count > 0)
            {
                Add(query, new FrequentPrefixQuery(SearchFields.TitleFolded, unit.Folded[0]), TitleBoost * PrefixFactor);
                Add(query, new FrequentPrefixQuery(SearchFields.BodyFolded, unit.Folded[0]), PrefixFactor);
            }
        }

        return query;
    }

    private static MultiPhraseQuery Phrase(string field, IReadOnlyList<SearchQueryUnit> units, Func<SearchQueryUnit, IReadOnlyList<string>> terms, float boost)
    {
        var phrase = new MultiPhraseQuery { Slop = PhraseSlop, Boost = boost };
        foreach (var unit in units)
        {
            var at = terms(unit);
            if (at.Count > 0)
            {
                phrase.Add([.. at.Distinct().Select(t => new Term(field, t))]);
            }
        }

        return phrase;
    }

    private static void AddPrefixPhrase(BooleanQuery query, string field, IReadOnlyList<SearchQueryUnit> units, Func<SearchQueryUnit, IReadOnlyList<string>> terms, float boost)
    {
        var leading = units.Take(units.Count - 1).Select(u => (IReadOnlyList<string>)[.. terms(u).Distinct()]).ToList();
        var last = terms(units[^1]);
        if (last.Count == 0 || leading.Any(at => at.Count == 0))
        {
            return;
        }

        query.Add(new PrefixPhraseQuery(field, leading, last[0], PhraseSlop) { Boost = boost }, Occur.SHOULD);
    }

    private static void Add(BooleanQuery query, Query clause, float boost)
    {
        clause.Boost = boost;
        query.Add(clause, Occur.SHOULD);
    }

    private static void AddFirst(List<string> terms, Analyzer analyzer, string field, string text)
    {
        var first = Analyze(analyzer, field, text).Select(t => t.Term).FirstOrDefault();
        if (first is not null && !terms.Contains(first))
        {
            terms.Add(first);
        }
    }

    private static List<(string Term, int Start, int End)> Analyze(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, int, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}

/// <summary>One searchable word as typed, with its exact and folded terms (the first is the word's own; a Telex/VNI reading follows).</summary>
public sealed record SearchQueryUnit(string Typed, IReadOnlyList<string> Exact, IReadOnlyList<string> Folded);

/// <summary>What <see cref="SearchQueryBuilder.Parse"/> made of a query: its words in order and the language they were read in.</summary>
public sealed record ParsedSearchQuery(IReadOnlyList<SearchQueryUnit> Units, SearchLanguage Language)
{
    public bool IsEmpty => Units.Count == 0;

    /// <summary>Whether the word at <paramref name="index"/> also matches as a prefix: the last word typed (not in Chinese, whose words are segmented, not typed half).</summary>
    public bool PrefixAt(int index) => index == Units.Count - 1 && Language != SearchLanguage.Chinese;
}

/// <summary>A query as <see cref="SearchQueryBuilder.BuildParts"/> makes it: what matches, and the phrases that rank adjacent words higher.</summary>
public sealed record SearchQueryParts(Query Match, Query? Proximity);
