using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Portal.Core.Search;

/// <summary>The languages search analyzes differently; every other culture is read as Vietnamese.</summary>
public enum SearchLanguage
{
    Vietnamese,
    English,
    Chinese,
}

/// <summary>
/// The analyzer for a content item's or a site's culture, over the fields of <see cref="SearchFields"/>:
/// Vietnamese exact and folded (<see cref="VietnameseExactAnalyzer"/>, <see cref="VietnameseFoldedAnalyzer"/>);
/// English lower-cased words (exact) and the English stemmer (folded); Chinese segmented by SmartCn in both.
/// Index an item and query it with the analyzer of the same culture. Instances are shared: Lucene
/// analyzers are safe to use from many threads.
/// </summary>
public static class SearchAnalyzers
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Lazy<Analyzer> Vietnamese = new(() => PerField(new VietnameseExactAnalyzer(), new VietnameseFoldedAnalyzer()));
    private static readonly Lazy<Analyzer> English = new(() => PerField(new StandardAnalyzer(Version, CharArraySet.Empty), new EnglishAnalyzer(Version)));
    private static readonly Lazy<Analyzer> Chinese = new(() => PerField(new SmartChineseAnalyzer(Version), new SmartChineseAnalyzer(Version)));

    /// <summary>"vi", "vi-VN", "en-US", "zh-Hans"... (the language part decides; unknown or empty → Vietnamese).</summary>
    public static Analyzer For(string? culture) => For(LanguageOf(culture));

    public static Analyzer For(SearchLanguage language) => language switch
    {
        SearchLanguage.English => English.Value,
        SearchLanguage.Chinese => Chinese.Value,
        _ => Vietnamese.Value,
    };

    public static SearchLanguage LanguageOf(string? culture)
    {
        var language = (culture ?? "").Split('-', '_')[0].Trim().ToLowerInvariant();
        return language switch
        {
            "en" => SearchLanguage.English,
            "zh" => SearchLanguage.Chinese,
            _ => SearchLanguage.Vietnamese,
        };
    }

    private static Analyzer PerField(Analyzer exact, Analyzer folded) =>
        new PerFieldAnalyzerWrapper(exact, new Dictionary<string, Analyzer>
        {
            [SearchFields.TitleExact] = exact,
            [SearchFields.BodyExact] = exact,
            [SearchFields.TitleFolded] = folded,
            [SearchFields.BodyFolded] = folded,
        });
}
