using Portal.Core.Search;

namespace Portal.Search.Services;

/// <summary>
/// How the editors' refinements read a query: words are what white space separates, with
/// punctuation trimmed from their ends (so <c>UBND,</c> is the word <c>ubnd</c> but
/// <c>2718/QĐ-UBND</c> stays one code), compared folded (<see cref="VietnameseText.Fold"/>).
/// </summary>
internal static class SearchRefinementText
{
    /// <summary>One word of a query: where it is in the text as typed, and its folded form.</summary>
    public readonly record struct Word(int Start, int End, string Folded);

    public static IReadOnlyList<Word> Words(string? text)
    {
        var words = new List<Word>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var (from, to) = (start, i);
            while (from < to && IsEdge(text[from]))
            {
                from++;
            }

            while (to > from && IsEdge(text[to - 1]))
            {
                to--;
            }

            if (to > from)
            {
                words.Add(new Word(from, to, VietnameseText.Fold(text[from..to])));
            }
        }

        return words;
    }

    /// <summary>The form queries are compared in: the folded words, one space apart (<c>UBND!</c>, <c>ubnd</c> and <c>  Ubnd </c> are one query).</summary>
    public static string Normalize(string? text) => string.Join(' ', Words(text).Select(w => w.Folded));

    /// <summary>White space trimmed and made single spaces: how a term or a query is kept as written.</summary>
    public static string Tidy(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool IsEdge(char c) => char.IsPunctuation(c) || char.IsSymbol(c);
}
