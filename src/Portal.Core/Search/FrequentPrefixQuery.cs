using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Portal.Core.Search;

/// <summary>
/// The half-typed last word as a prefix: its <see cref="MaxCompletions"/> most frequent completions
/// in the field, each matching with the same constant score (as Lucene's constant-score prefix
/// rewrite scores). Unlike a PrefixQuery, whose filter reads the postings of every completion in
/// the whole installation's index before the site filter can cut anything, a disjunction of a few
/// terms is advanced by the site filter: a commune's search reads only the commune's documents.
/// </summary>
internal sealed class FrequentPrefixQuery(string fieldName, string prefix) : Query
{
    internal const int MaxCompletions = 64;

    public override Query Rewrite(IndexReader reader)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var completion in PrefixCompletions.Frequent(reader, fieldName, prefix, MaxCompletions))
        {
            any.Add(new TermQuery(new Term(fieldName, completion)), Occur.SHOULD);
        }

        return new ConstantScoreQuery(any) { Boost = Boost };
    }

    private string FieldName => fieldName;

    private string Prefix => prefix;

    public override string ToString(string f) => $"{(f == fieldName ? "" : fieldName + ":")}{prefix}*{ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) => obj is FrequentPrefixQuery other && base.Equals(other) && fieldName == other.FieldName && prefix == other.Prefix;

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), fieldName, prefix);
}
