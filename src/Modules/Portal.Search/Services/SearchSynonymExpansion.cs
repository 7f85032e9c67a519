namespace Portal.Search.Services;

/// <summary>
/// A site's synonym groups, ready for queries: each term as folded words, found in a query as a
/// whole-word sequence. A query is expanded into itself and up to <see cref="MaxVariants"/>
/// variants, each with one matched term replaced by another term of its group.
/// </summary>
internal sealed class SearchSynonymExpansion
{
    public const int MaxVariants = 4;

    public static readonly SearchSynonymExpansion None = new([]);

    /// <summary>The terms by their first folded word, longest first (so <c>ủy ban nhân dân tỉnh</c> wins over <c>ủy ban nhân dân</c>).</summary>
    private readonly Dictionary<string, List<(string[] Words, IReadOnlyList<string> Group, string Term)>> byFirstWord = new(StringComparer.Ordinal);

    public SearchSynonymExpansion(IEnumerable<IReadOnlyList<string>> groups)
    {
        foreach (var group in groups)
        {
            foreach (var term in group)
            {
                var words = SearchRefinementText.Words(term).Select(w => w.Folded).ToArray();
                if (words.Length == 0)
                {
                    continue;
                }

                if (!byFirstWord.TryGetValue(words[0], out var list))
                {
                    byFirstWord[words[0]] = list = [];
                }

                list.Add((words, group, term));
            }
        }

        foreach (var list in byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
    }

    public bool IsEmpty => byFirstWord.Count == 0;

    /// <summary>The query first, then its variants (none equal, folded, to the query or to each other).</summary>
    public IReadOnlyList<string> Expand(string query)
    {
        var result = new List<string> { query };
        if (IsEmpty)
        {
            return result;
        }

        var words = SearchRefinementText.Words(query);
        var seen = new HashSet<string>(StringComparer.Ordinal) { SearchRefinementText.Normalize(query) };
        var i = 0;
        while (i < words.Count)
        {
            var match = Match(words, i);
            if (match is not { } m)
            {
                i++;
                continue;
            }

            var (start, end) = (words[i].Start, words[i + m.Words.Length - 1].End);
            foreach (var other in m.Group.Where(t => !ReferenceEquals(t, m.Term)))
            {
                var variant = string.Concat(query.AsSpan(0, start), other, query.AsSpan(end));
                if (seen.Add(SearchRefinementText.Normalize(variant)))
                {
                    result.Add(variant);
                    if (result.Count > MaxVariants)
                    {
                        return result;
                    }
                }
            }

            i += m.Words.Length;
        }

        return result;
    }

    private (string[] Words, IReadOnlyList<string> Group, string Term)? Match(IReadOnlyList<SearchRefinementText.Word> words, int at)
    {
        if (!byFirstWord.TryGetValue(words[at].Folded, out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (at + candidate.Words.Length > words.Count)
            {
                continue;
            }

            var all = true;
            for (var k = 1; k < candidate.Words.Length && all; k++)
            {
                all = string.Equals(words[at + k].Folded, candidate.Words[k], StringComparison.Ordinal);
            }

            if (all)
            {
                return candidate;
            }
        }

        return null;
    }
}
