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

        // In place: the tokenizer's tokens are NFC already, and Vietnamese letters are one UTF-16
        // unit each, so lower-casing char by char is VietnameseText.Lower without a string per token.
        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++)
        {
            buffer[i] = char.ToLowerInvariant(buffer[i]);
        }

        return true;
    }
}

/// <summary>Folds each token with the kernel's rule (<see cref="VietnameseText.Fold"/>): "đường" → "duong".</summary>
internal sealed class VietnameseFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    internal static bool IsAscii(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (buffer[i] >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    public VietnameseFoldingFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (IsAscii(_term.Buffer, _term.Length))
        {
            return true; // nothing to fold, no string to make
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

        if (VietnameseFoldingFilter.IsAscii(_term.Buffer, _term.Length))
        {
            return true; // no tone mark to move
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
