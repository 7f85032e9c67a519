using System.Text;
using Portal.Core.Search;

namespace Portal.Tests.Kernel.Search;

[Trait("Category", "Fast")]
public sealed class TypedVietnameseTests
{
    [Theory]
    [InlineData("quangr", "quảng")]
    [InlineData("dduwowngf", "đường")]
    [InlineData("dduowngf", "đường")]
    [InlineData("vieetj", "việt")]
    [InlineData("vietej", "việt")]
    [InlineData("nguyeenx", "nguyễn")]
    [InlineData("quoocs", "quốc")]
    [InlineData("QUANGR", "quảng")]
    [InlineData("hoaf", "hòa")]
    [InlineData("thuyr", "thủy")]
    [InlineData("giuwax", "giữa")]
    [InlineData("nhwngx", "những")]
    [InlineData("awn", "ăn")]
    [InlineData("ddi", "đi")]
    [InlineData("ngoaif", "ngoài")]
    [InlineData("quowr", "quở")]
    [InlineData("quow", "quơ")]
    public void Telex_words_read_as_vietnamese(string typed, string vietnamese) =>
        Assert.Equal(vietnamese, TypedVietnamese.Read(typed));

    [Theory]
    [InlineData("quang3", "quảng")]
    [InlineData("d9u7o7ng2", "đường")]
    [InlineData("d9uo7ng2", "đường")]
    [InlineData("vie6t5", "việt")]
    [InlineData("nguye6n4", "nguyễn")]
    [InlineData("a8n", "ăn")]
    [InlineData("ho2a", "hòa")]
    [InlineData("quo73", "quở")]
    public void Vni_words_read_as_vietnamese(string typed, string vietnamese) =>
        Assert.Equal(vietnamese, TypedVietnamese.Read(typed));

    [Theory]
    [InlineData("2718/QĐ-UBND")]
    [InlineData("2.000815")]
    [InlineData("2718")]
    [InlineData("window")]
    [InlineData("www")]
    [InlineData("quang")]      // plain letters, no key: nothing to read
    [InlineData("Quảng")]      // already Vietnamese
    [InlineData("h5n1")]
    [InlineData("covid19")]
    [InlineData("press")]
    [InlineData("vieet")]      // a rhyme closed by t needs sắc or nặng
    [InlineData("aw")]         // ă never ends a syllable
    [InlineData("")]
    public void Ordinary_words_numbers_and_codes_are_left_alone(string typed) =>
        Assert.Null(TypedVietnamese.Read(typed));

    [Fact]
    public void Words_of_a_query_keep_the_original_beside_the_reading()
    {
        var words = TypedVietnamese.Words("  quangr ninh 2718/QĐ-UBND  ");

        Assert.Equal(["quangr", "ninh", "2718/QĐ-UBND"], words.Select(w => w.Text));
        Assert.Equal(["quảng"], words[0].Alternatives);
        Assert.Empty(words[1].Alternatives);
        Assert.Empty(words[2].Alternatives);
    }

    [Theory]
    [InlineData("quảng")]
    [InlineData("đường")]
    [InlineData("nghiêng")]
    [InlineData("giếng")]
    [InlineData("gì")]
    [InlineData("quyết")]
    [InlineData("khuya")]
    [InlineData("yêu")]
    [InlineData("hoà")]        // the newer tone placement is valid too
    [InlineData("ỦY")]
    [InlineData("a")]
    public void Valid_syllables(string word) => Assert.True(VietnameseSyllable.IsValid(word));

    [Theory]
    [InlineData("window")]
    [InlineData("ki")]         // k is fine before i ...
    public void Spelling_rules_accept_k_before_front_vowels(string word) =>
        Assert.Equal(word == "ki", VietnameseSyllable.IsValid(word));

    [Theory]
    [InlineData("ci")]         // c never before i/e/ê/y
    [InlineData("ka")]         // k only before them
    [InlineData("nge")]        // ngh before e
    [InlineData("ghà")]        // g before a
    [InlineData("ả́")]         // two tone marks
    [InlineData("việtt")]
    [InlineData("viềt")]       // a stop coda with huyền
    [InlineData("tyên")]       // iê after an onset is written iê
    [InlineData("iêu")]        // and yê without one
    [InlineData("quo")]
    [InlineData("str")]
    [InlineData("")]
    public void Invalid_syllables(string word) => Assert.False(VietnameseSyllable.IsValid(word));

    [Fact]
    public void Decomposed_input_is_checked_as_composed() =>
        Assert.True(VietnameseSyllable.IsValid("đường".Normalize(NormalizationForm.FormD)));

    [Fact]
    public void Vietnamese_text_normalizes_lowers_and_folds_with_the_kernels_rule()
    {
        var decomposed = "QUẢNG Ninh".Normalize(NormalizationForm.FormD);

        Assert.Equal("QUẢNG Ninh", VietnameseText.Normalize(decomposed));
        Assert.Equal("quảng ninh", VietnameseText.Lower(decomposed));
        Assert.Equal(Portal.Core.Text.TextFolding.Fold(decomposed), VietnameseText.Fold(decomposed));
        Assert.Equal("duong", VietnameseText.Fold("Đường"));
        Assert.True(VietnameseText.HasDiacritics("đường"));
        Assert.False(VietnameseText.HasDiacritics("Quang  Ninh"));
    }
}
