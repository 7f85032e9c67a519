using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Portal.Core.Search;

/// <summary>The words of a field that start with what was typed, the most frequent first (the half-typed last word's completions).</summary>
internal static class PrefixCompletions
{
    // Completions looked at to find the most frequent: bounds the work for a one-letter prefix.
    internal const int MaxScanned = 2048;

    public static List<BytesRef> Frequent(IndexReader reader, string field, string prefix, int max)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null || prefix.Length == 0)
        {
            return [];
        }

        var start = new BytesRef(prefix);
        var e = terms.GetEnumerator();
        if (e.SeekCeil(start) == TermsEnum.SeekStatus.END)
        {
            return [];
        }

        var found = new List<(BytesRef Term, int Frequency)>();
        do
        {
            if (!StringHelper.StartsWith(e.Term, start))
            {
                break;
            }

            found.Add((BytesRef.DeepCopyOf(e.Term), e.DocFreq));
        }
        while (found.Count < MaxScanned && e.MoveNext());

        return [.. found.OrderByDescending(f => f.Frequency).Take(max).Select(f => f.Term)];
    }
}
