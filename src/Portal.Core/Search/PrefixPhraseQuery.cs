using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Portal.Core.Search;

/// <summary>
/// A phrase whose last word is only the start of a word ("quảng ni", "an toàn giao th"): rewritten
/// against the index into one sloppy phrase per completion of the prefix (the most frequent
/// <see cref="MaxCompletions"/> of them), so a half-typed query still ranks the words next to each
/// other above the same words apart. Each completion is its own phrase, scored as an ordinary one:
/// the idf of dozens of completions is never summed into one weight.
/// </summary>
internal sealed class PrefixPhraseQuery : Query
{
    internal const int MaxCompletions = 16;

    private readonly string _field;
    private readonly IReadOnlyList<IReadOnlyList<string>> _leading;
    private readonly string _prefix;
    private readonly int _slop;

    public PrefixPhraseQuery(string field, IReadOnlyList<IReadOnlyList<string>> leading, string prefix, int slop)
    {
        _field = field;
        _leading = leading;
        _prefix = prefix;
        _slop = slop;
    }

    public override Query Rewrite(IndexReader reader)
    {
        var phrases = new BooleanQuery(disableCoord: true) { Boost = Boost };
        foreach (var completion in PrefixCompletions.Frequent(reader, _field, _prefix, MaxCompletions))
        {
            var phrase = new MultiPhraseQuery { Slop = _slop };
            foreach (var at in _leading)
            {
                phrase.Add([.. at.Select(t => new Term(_field, t))]);
            }

            phrase.Add(new Term(_field, completion));
            phrases.Add(phrase, Occur.SHOULD);
        }

        return phrases;
    }

    public override string ToString(string field) =>
        $"{(field == _field ? "" : _field + ":")}\"{string.Join(' ', _leading.Select(at => at.Count == 1 ? at[0] : "(" + string.Join('|', at) + ")"))} {_prefix}*\"~{_slop}{ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is PrefixPhraseQuery other && base.Equals(other) && _field == other._field && _prefix == other._prefix && _slop == other._slop
        && _leading.Count == other._leading.Count && _leading.Zip(other._leading).All(p => p.First.SequenceEqual(p.Second));

    public override int GetHashCode() =>
        HashCode.Combine(base.GetHashCode(), _field, _prefix, _slop, _leading.Count, string.Join('\u0001', _leading.SelectMany(at => at)));
}
