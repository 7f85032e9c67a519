using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Lucene.Net.Analysis.TokenAttributes;
using Portal.Core.Search;

namespace Portal.Search.Services;

/// <summary>A piece of a result's text with the words that matched marked (<c>&lt;mark&gt;</c>), as HTML and as plain text.</summary>
public sealed record SearchSnippet(string Text, string Html);

/// <summary>
/// Cuts the snippet of a result and marks the matched words. Matching is done on the folded terms
/// (the analyzer the index uses), so <c>quang ninh</c> marks "Quảng Ninh" and <c>dduwowngf</c> marks
/// "đường"; the last word typed also marks the words it begins. The window is the one holding the
/// most different query words.
/// </summary>
public static class SearchSnippets
{
    public const int DefaultLength = 220;

    // Vietnamese letters as themselves (as the pages write them), markup characters encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static SearchSnippet Highlight(string text, ParsedSearchQuery query, int maxLength = int.MaxValue)
    {
        text ??= "";
        var matches = Matches(text, query);
        if (text.Length <= maxLength)
        {
            return Render(text, 0, text.Length, matches);
        }

        var (start, end) = Window(text, matches, maxLength);
        return Render(text, start, end, matches);
    }

    private static List<(int Start, int End, int Unit)> Matches(string text, ParsedSearchQuery query)
    {
        var found = new List<(int, int, int)>();
        if (query.IsEmpty || text.Length == 0)
        {
            return found;
        }

        var analyzer = SearchAnalyzers.For(query.Language);
        using var stream = analyzer.GetTokenStream(SearchFields.BodyFolded, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            for (var i = 0; i < query.Units.Count; i++)
            {
                var unit = query.Units[i];
                if (unit.Folded.Contains(value) || (query.PrefixAt(i) && unit.Folded.Count > 0 && unit.Folded[0].Length > 0 && value.StartsWith(unit.Folded[0], StringComparison.Ordinal)))
                {
                    found.Add((offset.StartOffset, Math.Min(offset.EndOffset, text.Length), i));
                    break;
                }
            }
        }

        stream.End();

        // A code's whole token and its first part share a position: keep the longest, drop overlaps.
        found.Sort((a, b) => a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : b.Item2.CompareTo(a.Item2));
        var kept = new List<(int Start, int End, int Unit)>();
        foreach (var match in found)
        {
            if (kept.Count == 0 || match.Item1 >= kept[^1].End)
            {
                kept.Add(match);
            }
        }

        return kept;
    }

    private static (int Start, int End) Window(string text, List<(int Start, int End, int Unit)> matches, int maxLength)
    {
        var bestStart = 0;
        var bestScore = -1;
        for (var i = 0; i < matches.Count; i++)
        {
            var units = new HashSet<int>();
            for (var j = i; j < matches.Count && matches[j].End - matches[i].Start <= maxLength; j++)
            {
                units.Add(matches[j].Unit);
            }

            if (units.Count > bestScore)
            {
                bestScore = units.Count;
                bestStart = matches[i].Start;
            }
        }

        // A little context before the first match, from a word boundary.
        var start = bestScore < 0 ? 0 : Math.Max(0, bestStart - 40);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < bestStart ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + maxLength);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, end - start);
            end = space > start ? space : end;
        }

        return (start, end);
    }

    private static SearchSnippet Render(string text, int start, int end, List<(int Start, int End, int Unit)> matches)
    {
        var html = new StringBuilder(end - start + 64);
        var plain = new StringBuilder(end - start + 2);
        if (start > 0)
        {
            html.Append("… ");
            plain.Append("… ");
        }

        var at = start;
        foreach (var (mStart, mEnd, _) in matches)
        {
            if (mStart < at || mEnd > end)
            {
                continue;
            }

            html.Append(Encoder.Encode(text[at..mStart])).Append("<mark>").Append(Encoder.Encode(text[mStart..mEnd])).Append("</mark>");
            at = mEnd;
        }

        html.Append(Encoder.Encode(text[at..end]));
        plain.Append(text, start, end - start);
        if (end < text.Length)
        {
            html.Append(" …");
            plain.Append(" …");
        }

        return new SearchSnippet(plain.ToString(), html.ToString());
    }
}
