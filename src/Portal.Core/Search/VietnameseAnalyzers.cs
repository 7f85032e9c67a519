using Lucene.Net.Analysis;

namespace Portal.Core.Search;

/// <summary>
/// The exact field's analyzer: NFC words and codes (<see cref="VietnameseTokenizer"/>), lower case,
/// diacritics kept, the tone mark in one placement ("hoà" and "hòa" are one term: hòa).
/// </summary>
public sealed class VietnameseExactAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new VietnameseTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new VietnameseTonePlacementFilter(new InvariantLowerCaseFilter(tokenizer)));
    }
}

/// <summary>The folded field's analyzer: the exact one, then folded ("Quảng Ninh", "QUẢNG NINH" → "quang", "ninh").</summary>
public sealed class VietnameseFoldedAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new VietnameseTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new VietnameseFoldingFilter(new InvariantLowerCaseFilter(tokenizer)));
    }
}
