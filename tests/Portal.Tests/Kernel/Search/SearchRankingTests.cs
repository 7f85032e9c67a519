using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Portal.Core.Search;

namespace Portal.Tests.Kernel.Search;

/// <summary>The ranking rules of issue 13, item 2, one by one, over a real in-memory index.</summary>
[Trait("Category", "Fast")]
public sealed class SearchRankingTests : IClassFixture<SearchRankingTests.Index>
{
    private readonly Index _index;

    public SearchRankingTests(Index index) => _index = index;

    [Theory]
    [InlineData("quang ninh")]
    [InlineData("Quang Ninh")]
    [InlineData("quảng ninh")]
    [InlineData("Quảng Ninh")]
    [InlineData("QUẢNG NINH")]
    public void Every_spelling_finds_quang_ninh(string query) =>
        Assert.Contains("quang-ninh", _index.Search(query));

    [Theory]
    [InlineData("Quảng Ninh", "quang-ninh")]
    [InlineData("QUẢNG NINH", "quang-ninh")]
    [InlineData("Quàng Ninh", "quang-ninh-grave")]
    public void The_exact_diacritics_match_ranks_first(string query, string first)
    {
        var results = _index.Search(query);

        Assert.Equal(first, results[0]);
        Assert.Contains(first == "quang-ninh" ? "quang-ninh-grave" : "quang-ninh", results);
    }

    [Fact]
    public void Duong_finds_every_word_it_folds_from() =>
        Assert.Superset(new HashSet<string> { "duong-road", "duong-surname", "duong-current" }, _index.Search("duong").ToHashSet());

    [Theory]
    [InlineData("đường", "duong-road")]
    [InlineData("dương", "duong-surname")]
    [InlineData("đương", "duong-current")]
    public void Each_of_the_colliding_words_ranks_its_own_text_first(string query, string first)
    {
        var results = _index.Search(query);

        Assert.Equal(first, results[0]);
        Assert.Equal(3, results.Count(r => r.StartsWith("duong-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Words_next_to_each_other_rank_above_the_same_words_apart()
    {
        var results = _index.Search("quảng trị");

        Assert.Equal("quang-tri", results[0]);
        Assert.Contains("ninh-apart", results);
    }

    [Fact]
    public void The_last_word_matches_as_a_prefix()
    {
        var results = _index.Search("quảng ni");

        Assert.Equal("quang-ninh", results[0]);
        Assert.DoesNotContain("quang-ngai", results);
        Assert.Contains("quang-ngai", _index.Search("quảng ng"));
    }

    [Fact]
    public void A_half_typed_last_word_takes_part_in_the_phrase() =>
        Assert.Equal("duong-road", _index.Search("giao thông nông th").FirstOrDefault());

    [Theory]
    [InlineData("hòa giải")]
    [InlineData("hoà giải")]
    [InlineData("hoaf giair")]
    public void Both_tone_placements_are_one_exact_word(string query)
    {
        var results = _index.Search(query);

        Assert.Equal("hoa-mediation", results[0]);
        Assert.Contains("hoa-flower", results);
    }

    [Fact]
    public void The_exact_field_writes_the_tone_in_one_placement() =>
        Assert.Equal(["hòa", "thủy", "ủy", "ban", "khỏe", "hoàn", "window"], Tokens(new VietnameseExactAnalyzer(), "Hoà thuỷ UỶ ban khoẻ hoàn window"));

    [Theory]
    [InlineData("quangr ninh", "quang-ninh")]
    [InlineData("quang3 ninh", "quang-ninh")]
    [InlineData("dduwowngf", "duong-road")]
    [InlineData("d9u7o7ng2", "duong-road")]
    [InlineData("nguyeenx vieetj", "viet")]
    public void Telex_and_vni_are_read_as_the_vietnamese_they_stand_for(string query, string first) =>
        Assert.Equal(first, _index.Search(query).FirstOrDefault());

    [Theory]
    [InlineData("2718/QĐ-UBND")]
    [InlineData("2718/qđ-ubnd")]
    [InlineData("2718/QD-UBND")]
    [InlineData("2718")]
    [InlineData("quyết định 2718")]
    public void Document_numbers_match_as_typed(string query) =>
        Assert.Equal("decision", _index.Search(query).FirstOrDefault());

    [Fact]
    public void A_neighbouring_document_number_is_not_the_same_number()
    {
        Assert.DoesNotContain("decision", _index.Search("2719/UBND-VP"));
        Assert.Equal("letter", _index.Search("2719/UBND-VP").FirstOrDefault());
    }

    [Theory]
    [InlineData("2.000815")]
    [InlineData("thủ tục 2.000815")]
    public void Procedure_codes_match_as_typed(string query) =>
        Assert.Equal("procedure", _index.Search(query).FirstOrDefault());

    [Fact]
    public void English_text_is_found_with_the_english_analyzer()
    {
        Assert.Equal("english", _index.Search("tourism bay", "en").FirstOrDefault());
        Assert.Equal("english", _index.Search("developing", "en-US").FirstOrDefault()); // stemmed in the folded field
    }

    [Fact]
    public void Chinese_text_is_found_with_smartcn() =>
        Assert.Equal("chinese", _index.Search("中文", "zh").FirstOrDefault());

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"*?~:()")]
    public void Nothing_to_search_gives_no_query(string query) => Assert.Null(SearchQueryBuilder.Build(query));

    [Theory]
    [InlineData("\"quảng ninh")]
    [InlineData("quảng AND ninh OR (")]
    [InlineData("quảng* ninh~")]
    public void Query_syntax_characters_are_only_text(string query) =>
        Assert.Equal("quang-ninh", _index.Search(query).FirstOrDefault());

    [Fact]
    public void A_very_long_query_is_cut_not_refused() =>
        Assert.NotNull(SearchQueryBuilder.Build(string.Concat(Enumerable.Repeat("quảng ninh ", 1000))));

    [Fact]
    public void The_tokenizer_keeps_a_code_whole_and_in_parts()
    {
        Assert.Equal(["2718/qđ-ubnd", "2718", "qđ", "ubnd", "ngày"], Tokens(new VietnameseExactAnalyzer(), "2718/QĐ-UBND, ngày"));
        Assert.Equal(["2718/qd-ubnd", "2718", "qd", "ubnd"], Tokens(new VietnameseFoldedAnalyzer(), "2718/QĐ-UBND."));
        Assert.Equal(["quang", "ninh"], Tokens(new VietnameseFoldedAnalyzer(), "QUẢNG NINH".Normalize(System.Text.NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("vi-VN", SearchLanguage.Vietnamese)]
    [InlineData("en", SearchLanguage.English)]
    [InlineData("zh-Hans", SearchLanguage.Chinese)]
    [InlineData(null, SearchLanguage.Vietnamese)]
    public void Analyzers_are_chosen_by_culture(string? culture, SearchLanguage language) =>
        Assert.Same(SearchAnalyzers.For(language), SearchAnalyzers.For(culture));

    private static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(SearchFields.TitleExact, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    public sealed class Index : IDisposable
    {
        private static readonly (string Id, string Culture, string Title, string Body)[] Items =
        [
            ("quang-ninh", "vi", "Quảng Ninh phát triển du lịch", "Tỉnh Quảng Ninh đón khách"),
            ("quang-ninh-grave", "vi", "Quàng Ninh trong câu chuyện cổ", "Một địa danh khác"),
            ("quang-ngai", "vi", "Giới thiệu tỉnh Quảng Ngãi", "Quảng Ngãi ở miền Trung"),
            ("quang-tri", "vi", "Hội nghị tại Quảng Trị", "Quảng Trị đón đoàn công tác"),
            ("ninh-apart", "vi", "Trị an và trật tự ở khu vực Quảng Bình", "Trị thủy, phòng chống lụt bão"),
            ("duong-road", "vi", "Đường giao thông nông thôn", "Làm đường bê tông"),
            ("duong-surname", "vi", "Dòng họ Dương ở làng cổ", "Gia phả họ Dương"),
            ("duong-current", "vi", "Đương nhiệm và kế nhiệm", "Cán bộ đương chức"),
            ("decision", "vi", "Quyết định 2718/QĐ-UBND về quy hoạch", "Ban hành kèm theo Quyết định số 2718/QĐ-UBND."),
            ("letter", "vi", "Công văn 2719/UBND-VP về lịch họp", "Văn phòng thông báo"),
            ("procedure", "vi", "Thủ tục 2.000815 cấp giấy phép xây dựng", "Mã thủ tục 2.000815"),
            ("viet", "vi", "Nguyễn Văn Việt nhận bằng khen", "Ông Nguyễn Văn Việt"),
            ("hoa-mediation", "vi", "Tổ hoà giải ở cơ sở", "Kỹ năng hoà giải"),
            ("hoa-flower", "vi", "Hoa giải nhất cuộc thi cắm hoa", "Hoa giải nhì, hoa giải ba"),
            ("thon-apart", "vi", "Nông dân thôn Đông làm giao thông", "Thôn Đông góp công làm ngõ xóm"),
            ("english", "en", "Tourism development in Ha Long Bay", "The bay is developing its tourism"),
            ("chinese", "zh", "中文网站介绍", "广宁省旅游发展"),
        ];

        private readonly RAMDirectory _directory = new();
        private readonly DirectoryReader _reader;
        private readonly IndexSearcher _searcher;

        public Index()
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, SearchAnalyzers.For("vi"));
            using (var writer = new IndexWriter(_directory, config))
            {
                foreach (var (id, culture, title, body) in Items)
                {
                    var document = new Document { new StringField("id", id, Field.Store.YES) };
                    foreach (var field in SearchFields.Text(title, body))
                    {
                        document.Add(field);
                    }

                    writer.AddDocument(document, SearchAnalyzers.For(culture));
                }

                writer.Commit();
            }

            _reader = DirectoryReader.Open(_directory);
            _searcher = new IndexSearcher(_reader);
        }

        public IReadOnlyList<string> Search(string text, string culture = "vi")
        {
            var query = SearchQueryBuilder.Build(text, culture);
            if (query is null)
            {
                return [];
            }

            return [.. _searcher.Search(query, 20).ScoreDocs.Select(hit => _searcher.Doc(hit.Doc).Get("id"))];
        }

        public void Dispose()
        {
            _reader.Dispose();
            _directory.Dispose();
        }
    }
}
