using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Portal.Core.Search;

/// <summary>Lower-cases each token with the invariant culture (<see cref="VietnameseText.Lower"/>).</summary>
internal sealed class InvariantLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public InvariantLowerCaseFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var lower = VietnameseText.Lower(_term.ToString());
        _term.SetEmpty().Append(lower);
        return true;
    }
}

/// <summary>Folds each token with the kernel's rule (<see cref="VietnameseText.Fold"/>): "đường" → "duong".</summary>
internal sealed class VietnameseFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public VietnameseFoldingFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var folded = VietnameseText.Fold(_term.ToString());
        _term.SetEmpty().Append(folded);
        return true;
    }
}

/// <summary>
/// Writes each syllable's tone where <see cref="VietnameseSyllable.Compose"/> puts it ("hoà" → "hòa",
/// "thuỷ" → "thủy"), so the exact field finds both placements; other tokens pass unchanged.
/// </summary>
internal sealed class VietnameseTonePlacementFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public VietnameseTonePlacementFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = _term.ToString();
        var placed = VietnameseSyllable.NormalizeTonePlacement(word);
        if (!ReferenceEquals(placed, word))
        {
            _term.SetEmpty().Append(placed);
        }

        return true;
    }
}
