using Portal.Search.Services;

namespace Portal.Tests.Modules.Search;

/// <summary>The editors' refinements without a host: how a query is compared, expanded with synonyms, and what makes a synonym group.</summary>
[Trait("Category", "Fast")]
public sealed class SearchAdminRuleTests
{
    private static readonly SearchSynonymExpansion Synonyms = new(
    [
        ["UBND", "Ủy ban nhân dân"],
        ["TTHC", "thủ tục hành chính"],
        ["UBND tỉnh", "Ủy ban nhân dân tỉnh", "tỉnh ủy"],
    ]);

    [Theory]
    [InlineData("UBND", "ubnd")]
    [InlineData("  Ubnd!  ", "ubnd")]
    [InlineData("Ủy   ban nhân dân", "uy ban nhan dan")]
    [InlineData("ĐĂNG KÝ (khai sinh)", "dang ky khai sinh")]
    [InlineData("2718/QĐ-UBND", "2718/qd-ubnd")]
    [InlineData("!!! ?", "")]
    public void Queries_are_compared_folded_word_by_word(string query, string normalized) =>
        Assert.Equal(normalized, SearchRefinementText.Normalize(query));

    [Fact]
    public void A_term_is_replaced_by_the_others_of_its_group_as_a_whole_word_sequence()
    {
        Assert.Equal(["UBND xã Tân Lập", "Ủy ban nhân dân xã Tân Lập"], Synonyms.Expand("UBND xã Tân Lập"));
        Assert.Equal(["uy ban nhan dan xa", "UBND xa"], Synonyms.Expand("uy ban nhan dan xa"));
        Assert.Equal(["Liên hệ UBND, sáng thứ hai", "Liên hệ Ủy ban nhân dân, sáng thứ hai"], Synonyms.Expand("Liên hệ UBND, sáng thứ hai"));
    }

    [Theory]
    [InlineData("2718/QĐ-UBND")]
    [InlineData("ubndx")]
    [InlineData("Ủy ban")]
    [InlineData("ban nhân dân")]
    [InlineData("")]
    public void Parts_of_words_codes_and_parts_of_phrases_are_not_replaced(string query) =>
        Assert.Equal([query], Synonyms.Expand(query));

    [Fact]
    public void The_longest_term_wins_and_each_group_met_gives_variants()
    {
        Assert.Equal(["ubnd tinh Lao Cai", "Ủy ban nhân dân tỉnh Lao Cai", "tỉnh ủy Lao Cai"], Synonyms.Expand("ubnd tinh Lao Cai"));
        Assert.Equal(["TTHC của UBND", "thủ tục hành chính của UBND", "TTHC của Ủy ban nhân dân"], Synonyms.Expand("TTHC của UBND"));
    }

    [Fact]
    public void At_most_four_variants_follow_the_query()
    {
        var many = new SearchSynonymExpansion([["a1", "b1", "c1", "d1", "e1", "f1", "g1"]]);

        var expanded = many.Expand("a1 ở đâu");

        Assert.Equal(1 + SearchSynonymExpansion.MaxVariants, expanded.Count);
        Assert.Equal(["a1 ở đâu", "b1 ở đâu", "c1 ở đâu", "d1 ở đâu", "e1 ở đâu"], expanded);
        Assert.Equal(["x"], SearchSynonymExpansion.None.Expand("x"));
    }

    [Fact]
    public void The_form_box_is_read_one_term_a_line_or_separated_by_bars()
    {
        Assert.Equal(["UBND", "Ủy ban nhân dân"], SearchSynonymRules.Parse("  UBND \r\n\r\nỦy   ban nhân dân\n"));
        Assert.Equal(["TTHC", "thủ tục hành chính"], SearchSynonymRules.Parse("TTHC | thủ tục hành chính"));
        Assert.Empty(SearchSynonymRules.Parse(null));
    }

    [Fact]
    public void A_group_has_two_to_ten_distinct_terms_of_at_most_100_characters_none_in_another_group()
    {
        IReadOnlyList<string>[] others = [["TTHC", "thủ tục hành chính"]];

        Assert.Null(SearchSynonymRules.Check(["UBND", "Ủy ban nhân dân"], others));
        Assert.Null(SearchSynonymRules.Check([.. Enumerable.Range(1, 10).Select(i => $"từ {i}")], others));
        Assert.Contains("từ 2 đến 10", SearchSynonymRules.Check(["UBND"], others));
        Assert.Contains("từ 2 đến 10", SearchSynonymRules.Check([.. Enumerable.Range(1, 11).Select(i => $"từ {i}")], others));
        Assert.Contains("tối đa 100 ký tự", SearchSynonymRules.Check(["UBND", new string('a', 101)], others));
        Assert.Null(SearchSynonymRules.Check(["UBND", new string('a', 100)], others));
        Assert.Contains("không có chữ hoặc số", SearchSynonymRules.Check(["UBND", "!!!"], others));
        Assert.Contains("trùng với \"UBND\"", SearchSynonymRules.Check(["UBND", "ubnd"], others));
        Assert.Contains("trùng với \"Ủy ban\"", SearchSynonymRules.Check(["Ủy ban", "uy ban"], others));
        Assert.Contains("đã có trong nhóm \"TTHC | thủ tục hành chính\"", SearchSynonymRules.Check(["tthc", "thủ tục"], others));
        Assert.Contains("đã có trong nhóm", SearchSynonymRules.Check(["Thủ tục hành chính", "TTHC"], others));
    }
}
