using System.Globalization;
using System.Text;
using Portal.Core.Search;

namespace SearchBench;

/// <summary>
/// Generated but realistic Vietnamese text for the three types: words drawn (Zipf-like, so some are
/// common and most are rare) from a vocabulary of real administrative compounds, in sentences of
/// 8–20 words; legal documents numbered like 1234/QĐ-UBND, procedures coded like 2.000815 (the same
/// national procedure keeps its code in every commune). Deterministic for a seed.
/// </summary>
internal sealed class Corpus(int seed)
{
    private readonly Random random = new(seed);

    // Real compounds of Vietnamese administration, most frequent first (the draw favours the first).
    public static readonly string[] Words =
    [
        "ủy ban", "nhân dân", "cán bộ", "công chức", "thực hiện", "triển khai", "kế hoạch", "nhiệm vụ", "địa phương", "người dân",
        "phát triển", "kinh tế", "xã hội", "chính quyền", "hành chính", "thủ tục", "hồ sơ", "giải quyết", "quy định", "pháp luật",
        "đất đai", "xây dựng", "nông thôn", "đô thị", "giao thông", "môi trường", "tài nguyên", "y tế", "giáo dục", "văn hóa",
        "thông tin", "truyền thông", "chuyển đổi số", "dịch vụ công", "trực tuyến", "cải cách", "tiếp nhận", "trả kết quả", "một cửa", "liên thông",
        "hộ tịch", "khai sinh", "kết hôn", "chứng thực", "bản sao", "giấy phép", "quy hoạch", "sử dụng đất", "bồi thường", "tái định cư",
        "giải phóng mặt bằng", "đầu tư công", "ngân sách", "giải ngân", "nguồn vốn", "doanh nghiệp", "hợp tác xã", "nông nghiệp", "chăn nuôi", "trồng trọt",
        "thủy lợi", "phòng chống", "thiên tai", "lụt bão", "tìm kiếm cứu nạn", "an ninh", "trật tự", "quốc phòng", "quân sự", "công an",
        "an toàn", "vệ sinh", "thực phẩm", "dịch bệnh", "tiêm chủng", "bảo hiểm", "y tế", "xã hội", "trợ cấp", "hộ nghèo",
        "cận nghèo", "người có công", "thương binh", "liệt sĩ", "bảo trợ", "trẻ em", "người cao tuổi", "khuyết tật", "lao động", "việc làm",
        "đào tạo", "nghề", "thanh niên", "phụ nữ", "mặt trận", "tổ quốc", "đoàn thể", "hội nông dân", "cựu chiến binh", "khu dân cư",
        "thôn", "bản", "tổ dân phố", "trưởng thôn", "hội nghị", "tổng kết", "sơ kết", "đánh giá", "kiểm tra", "giám sát",
        "thanh tra", "khiếu nại", "tố cáo", "tiếp công dân", "đối thoại", "kiến nghị", "phản ánh", "tuyên truyền", "phổ biến", "giáo dục pháp luật",
        "thi đua", "khen thưởng", "kỷ luật", "bầu cử", "đại biểu", "hội đồng", "nghị quyết", "quyết định", "chỉ thị", "công văn",
        "thông báo", "báo cáo", "tờ trình", "kết luận", "hướng dẫn", "phê duyệt", "điều chỉnh", "bổ sung", "sửa đổi", "bãi bỏ",
        "hiệu lực", "thời hạn", "lệ phí", "phí", "miễn giảm", "hỗ trợ", "khuyến khích", "ưu đãi", "đề án", "dự án",
        "công trình", "hạ tầng", "điện", "nước sạch", "chợ", "trường học", "trạm y tế", "nhà văn hóa", "sân thể thao", "nghĩa trang",
        "rác thải", "nước thải", "ô nhiễm", "cây xanh", "rừng", "biển", "sông", "đê điều", "kênh mương", "đường giao thông",
        "du lịch", "di tích", "lễ hội", "thể dục", "thể thao", "gia đình", "văn minh", "nếp sống", "tôn giáo", "dân tộc",
        "khuyến nông", "giống cây trồng", "vật nuôi", "sản phẩm", "OCOP", "thương mại", "thị trường", "giá cả", "thuế", "kho bạc",
        "tài chính", "kế toán", "tài sản", "công", "quản lý", "điều hành", "phối hợp", "trách nhiệm", "thẩm quyền", "cơ quan",
        "đơn vị", "phòng ban", "văn phòng", "tư pháp", "địa chính", "nội vụ", "lao động thương binh", "tài chính kế hoạch", "kinh tế hạ tầng", "văn hóa thông tin",
        "chủ tịch", "phó chủ tịch", "bí thư", "đảng ủy", "chi bộ", "đảng viên", "nghị quyết đại hội", "nhiệm kỳ", "mục tiêu", "chỉ tiêu",
        "tăng trưởng", "thu nhập", "bình quân", "đầu người", "tỷ lệ", "phần trăm", "so với", "cùng kỳ", "năm trước", "kết quả",
        "tích cực", "khó khăn", "vướng mắc", "tồn tại", "hạn chế", "nguyên nhân", "giải pháp", "đề xuất", "kiến nghị", "thời gian tới",
    ];

    public static readonly string[] Places =
    [
        "Đông Sơn", "Hồng Hà", "Quang Trung", "Yên Lạc", "Tân Phú", "Bắc Bình", "Thượng Lâm", "Điện Biên", "Mường Lát", "Vĩnh Lộc",
        "Cẩm Thủy", "An Hòa", "Thạch Thành", "Nga Sơn", "Hậu Lộc", "Hoằng Hóa", "Quảng Xương", "Tĩnh Gia", "Nông Cống", "Như Thanh",
        "Thọ Xuân", "Triệu Sơn", "Thiệu Hóa", "Yên Định", "Ngọc Lặc", "Lang Chánh", "Bá Thước", "Quan Hóa", "Quan Sơn", "Thường Xuân",
        "Phú Lộc", "Hòa Bình", "Xuân Lâm", "Đồng Tiến", "Minh Khai", "Hải Châu", "Tân Lập", "Trung Chính", "Kim Tân", "Phúc Thịnh",
    ];

    private static readonly string[] NewsOpenings =
    [
        "Hội nghị triển khai nhiệm vụ", "Kiểm tra tiến độ", "Tổng kết công tác", "Đối thoại với người dân về", "Hướng dẫn thực hiện",
        "Khánh thành", "Phát động phong trào", "Tập huấn", "Thông báo lịch", "Ra mắt mô hình", "Công bố", "Đón nhận", "Tăng cường",
        "Đẩy mạnh", "Sơ kết sáu tháng", "Tuyên truyền", "Giải ngân", "Hỗ trợ", "Hội thi tìm hiểu", "Ra quân",
    ];

    private static readonly string[] DocumentTypes = ["Quyết định", "Kế hoạch", "Thông báo", "Chỉ thị", "Nghị quyết", "Công văn", "Báo cáo"];

    private static readonly string[] DocumentSymbols = ["QĐ-UBND", "KH-UBND", "TB-UBND", "CT-UBND", "NQ-HĐND", "UBND-VP", "BC-UBND"];

    private static readonly string[] Fields = ["Đất đai", "Xây dựng", "Hộ tịch", "Chứng thực", "Giáo dục", "Y tế", "Lao động", "Văn hóa", "Tài chính", "Nội vụ", "Giao thông", "Môi trường"];

    private static readonly string[] Signers = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Quốc Cường", "Phạm Minh Đức", "Hoàng Thu Hà", "Vũ Đình Hùng", "Đặng Thị Lan", "Bùi Quang Minh"];

    /// <summary>A national procedure: its name, field and code (the same in every commune).</summary>
    public static readonly (string Name, string Field, string Code)[] Procedures = BuildProcedures();

    private static (string, string, string)[] BuildProcedures()
    {
        string[] names =
        [
            "Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Đăng ký thường trú", "Chứng thực bản sao từ bản chính",
            "Chứng thực chữ ký", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Đăng ký biến động đất đai", "Cấp giấy chứng nhận quyền sử dụng đất",
            "Hòa giải tranh chấp đất đai", "Đăng ký giám hộ", "Đăng ký nhận cha mẹ con", "Xác nhận tình trạng hôn nhân", "Trích lục hộ tịch",
            "Trợ cấp xã hội hằng tháng", "Hỗ trợ chi phí mai táng", "Công nhận hộ nghèo hộ cận nghèo", "Cấp thẻ bảo hiểm y tế cho trẻ em",
            "Đăng ký hộ kinh doanh", "Cấp phép khai thác nước mặt", "Xác nhận kế hoạch bảo vệ môi trường", "Công nhận gia đình văn hóa",
            "Đăng ký hoạt động tín ngưỡng", "Thành lập nhóm trẻ độc lập", "Giải quyết khiếu nại lần đầu", "Tiếp nhận đơn tố cáo",
            "Cấp giấy phép kinh doanh karaoke", "Đăng ký tạm trú", "Đăng ký nuôi con nuôi", "Thay đổi cải chính hộ tịch",
        ];
        var list = new List<(string, string, string)>();
        for (var i = 0; i < names.Length; i++)
        {
            for (var v = 0; v < 10; v++)
            {
                // 2.000815 and 1.001234 are among them (the queries ask for both).
                var code = (i, v) switch
                {
                    (0, 0) => "2.000815",
                    (1, 0) => "1.001234",
                    _ => string.Create(CultureInfo.InvariantCulture, $"{1 + (i + v) % 2}.{(i * 37 + v * 1009) % 1000000:000000}"),
                };
                var suffix = v == 0 ? "" : v switch { 1 => " có yếu tố nước ngoài", 2 => " lưu động", 3 => " trực tuyến", 4 => " cấp xã", 5 => " liên thông", 6 => " cho người cao tuổi", 7 => " trường hợp đặc biệt", 8 => " bổ sung", _ => " lại" };
                list.Add((names[i] + suffix, Fields[i % Fields.Length], code));
            }
        }

        return [.. list];
    }

    private string Word()
    {
        // Zipf-ish: the square of a uniform draw favours the start of the list.
        var u = random.NextDouble();
        return Words[(int)(u * u * Words.Length)];
    }

    public string Pick(string[] list) => list[random.Next(list.Length)];

    public int Next(int max) => random.Next(max);

    public string Sentence(int minWords, int maxWords)
    {
        var target = random.Next(minWords, maxWords + 1);
        var text = new StringBuilder();
        var words = 0;
        while (words < target)
        {
            var w = random.Next(12) == 0 ? Pick(Places) : Word();
            if (text.Length > 0)
            {
                text.Append(random.Next(9) == 0 ? ", " : " ");
            }

            text.Append(w);
            words += w.Count(c => c == ' ') + 1;
        }

        text[0] = char.ToUpper(text[0], CultureInfo.GetCultureInfo("vi-VN"));
        return text.Append('.').ToString();
    }

    /// <summary>About <paramref name="words"/> words in sentences.</summary>
    public List<string> Paragraphs(int words)
    {
        var paragraphs = new List<string>();
        var count = 0;
        while (count < words)
        {
            var paragraph = new StringBuilder();
            for (var s = random.Next(2, 5); s > 0 && count < words; s--)
            {
                var sentence = Sentence(8, 20);
                count += sentence.Count(c => c == ' ') + 1;
                paragraph.Append(paragraph.Length > 0 ? " " : "").Append(sentence);
            }

            paragraphs.Add(paragraph.ToString());
        }

        return paragraphs;
    }

    public string NewsTitle(string place) =>
        $"{Pick(NewsOpenings)} {Word()} {Word()} tại {place} {(random.Next(3) == 0 ? "năm " + (2020 + random.Next(6)).ToString(CultureInfo.InvariantCulture) : Word())}";

    public (string Type, string Number, string Summary, string Field, string Signer) LegalDocument(string place)
    {
        var kind = random.Next(DocumentTypes.Length);
        // Kinds 0 (QĐ) is the most common, as on every commune's page of documents.
        if (random.Next(2) == 0)
        {
            kind = 0;
        }

        var number = string.Create(CultureInfo.InvariantCulture, $"{1 + random.Next(2000)}/{DocumentSymbols[kind]}");
        var summary = $"Về việc {Word()} {Word()} {Word()} trên địa bàn {place} " + string.Join(' ', Paragraphs(random.Next(60, 150)));
        return (DocumentTypes[kind], number, summary, Pick(Fields), Pick(Signers));
    }

    public static string Slug(string title, int number)
    {
        var folded = VietnameseText.Fold(title).ToLowerInvariant();
        var slug = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 60)
            {
                break;
            }
        }

        return slug.ToString().Trim('-') + "-" + number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// ~50 queries as citizens type them: with and without marks, Telex, document numbers and
    /// procedure codes, a prefix of the last word, two that find nothing (the suggestion's path).
    /// </summary>
    public static readonly string[] Queries =
    [
        "cải cách hành chính", "cai cach hanh chinh", "đất đai", "dat dai", "ddaats ddai", "giấy phép xây dựng", "giay phep xay dung",
        "giaays pheps xaay duwngj", "đăng ký kết hôn", "dang ky ket hon", "đăng ký khai sinh", "hộ tịch", "ho tich", "chứng thực bản sao",
        "nông thôn mới", "nong thon", "chuyển đổi số", "chuyen doi so", "phòng chống thiên tai", "tiêm chủng", "bảo hiểm y tế",
        "trợ cấp xã hội", "hộ nghèo", "giải phóng mặt bằng", "bồi thường tái định cư", "quyết định", "kế hoạch", "1234/QĐ-UBND",
        "1234/QD-UBND", "QĐ-UBND", "2.000815", "1.001234", "quyết định 152", "nông thô", "cải cách hành", "đăng ký k", "thu tuc",
        "thủ tục hành chính cấp xã", "ubnd", "ủy ban nhân dân", "uy ban nhan dan Đông Sơn", "môi trường", "moi truong",
        "an toàn giao thông", "quy hoạch sử dụng đất", "quy hoach su dung dat", "dịch vụ công trực tuyến", "khiếu nại tố cáo",
        "tiếp công dân", "hội nghị tổng kết", "cải cácg hành chímh", "vaccine covid",
    ];
}
