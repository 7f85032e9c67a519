using Portal.Core.Text;

namespace Portal.Tests.Kernel.Text;

[Trait("Category", "Fast")]
public sealed class TextTests
{
    [Theory]
    [InlineData("Giới thiệu chung", "gioi-thieu-chung")]
    [InlineData("Đường dây nóng", "duong-day-nong")]
    [InlineData("  Cơ cấu tổ chức — Sở Tài chính!  ", "co-cau-to-chuc-so-tai-chinh")]
    [InlineData("Quyết định 1234/QĐ-UBND", "quyet-dinh-1234-qd-ubnd")]
    [InlineData("!!!", "")]
    public void Slugs_fold_vietnamese_diacritics(string title, string slug) =>
        Assert.Equal(slug, Slugs.FromTitle(title));

    [Theory]
    [InlineData("Quảng Ninh", "quang ninh")]
    [InlineData("  QUẢNG   NINH ", "quang ninh")]
    [InlineData("đường Đông", "duong dong")]
    [InlineData("42/2022/NĐ-CP", "42/2022/nd-cp")]
    public void Search_folding_ignores_case_diacritics_and_extra_spaces(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void Search_folding_matches_decomposed_and_composed_input() =>
        Assert.Equal(TextFolding.Fold("Quảng Ninh"), TextFolding.Fold("Quảng Ninh".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void Csv_reads_quotes_commas_and_line_breaks_and_reports_lines()
    {
        const string csv = "name,displayName\r\nxa-a,\"Xã A, huyện B\"\n\nxa-b,\"Dòng 1\nDòng 2\"\nxa-c,\"Có \"\"ngoặc\"\"\"";

        var records = CsvReader.Read(new StringReader(csv)).ToList();

        Assert.Equal(4, records.Count);
        Assert.Equal(["xa-a", "Xã A, huyện B"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal("Dòng 1\nDòng 2", records[2].Fields[1]);
        Assert.Equal(4, records[2].Line);
        Assert.Equal("Có \"ngoặc\"", records[3].Fields[1]);
        Assert.Equal(6, records[3].Line);
    }

    [Fact]
    public void Csv_with_an_unclosed_quote_is_an_error()
    {
        var error = Assert.Throws<FormatException>(() => CsvReader.Read(new StringReader("a,b\n\"x,y\n")).ToList());
        Assert.Contains("line 2", error.Message);
    }
}
