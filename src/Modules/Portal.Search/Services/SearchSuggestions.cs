using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Portal.Core.Search;

namespace Portal.Search.Services;

/// <summary>
/// "Did you mean": for a query that found nothing, each word that no document holds is replaced by
/// the closest word the index does hold (at most two edits, the first letter kept; the most frequent
/// among the closest). Tried on the exact words first (<c>thủ tụt</c> → <c>thủ tục</c>), then on the
/// folded ones for a query typed without marks.
/// </summary>
internal static class SearchSuggestions
{
    public static string? Suggest(IndexReader reader, ParsedSearchQuery query)
    {
        if (query.IsEmpty || query.Language == SearchLanguage.Chinese)
        {
            return null;
        }

        var changed = false;
        var words = new List<string>(query.Units.Count);
        foreach (var unit in query.Units)
        {
            if (Known(reader, unit))
            {
                words.Add(unit.Typed);
                continue;
            }

            var replacement = Closest(reader, SearchFields.BodyExact, unit.Exact[0])
                ?? (unit.Folded.Count > 0 ? Closest(reader, SearchFields.BodyFolded, unit.Folded[0]) : null);
            if (replacement is null)
            {
                words.Add(unit.Typed);
                continue;
            }

            words.Add(replacement);
            changed = true;
        }

        return changed ? string.Join(' ', words) : null;
    }

    private static bool Known(IndexReader reader, SearchQueryUnit unit) =>
        unit.Exact.Any(t => reader.DocFreq(new Term(SearchFields.BodyExact, t)) > 0 || reader.DocFreq(new Term(SearchFields.TitleExact, t)) > 0)
        || unit.Folded.Any(t => reader.DocFreq(new Term(SearchFields.BodyFolded, t)) > 0 || reader.DocFreq(new Term(SearchFields.TitleFolded, t)) > 0);

    private static string? Closest(IndexReader reader, string field, string word)
    {
        // Codes and very short words are not guessed at: "2718" is not a typo of "2719".
        if (word.Length < 3 || word.Any(char.IsDigit))
        {
            return null;
        }

        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return null;
        }

        var attributes = new AttributeSource();
        var boost = attributes.AddAttribute<IBoostAttribute>();
        var edits = word.Length <= 4 ? 1 : 2;
        var fuzzy = new FuzzyTermsEnum(terms, attributes, new Term(field, word), edits, 1, transpositions: true);
        string? best = null;
        var bestBoost = float.MinValue;
        var bestFreq = 0;
        while (fuzzy.MoveNext())
        {
            var candidate = fuzzy.Term.Utf8ToString();
            if (candidate == word)
            {
                continue;
            }

            var freq = fuzzy.DocFreq;
            if (boost.Boost > bestBoost || (boost.Boost == bestBoost && freq > bestFreq))
            {
                best = candidate;
                bestBoost = boost.Boost;
                bestFreq = freq;
            }
        }

        return best;
    }
}
