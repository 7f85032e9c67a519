using Portal.Core.Contents;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.LegalDocuments.Models;
using Portal.LegalDocuments.Services;
using Portal.News.Models;
using Portal.News.Services;
using Portal.Pages.Models;
using Portal.Pages.Services;
using Portal.Procedures.Models;
using Portal.Procedures.Services;
using Portal.Questions.Models;
using Portal.Questions.Services;

namespace Portal.Tests.Modules.Search;

/// <summary>
/// The relevance test set's documents (issue 13, item 6): the published items of a fictional
/// province (Bình Lâm), its transport department and one of its communes, written for these tests,
/// with near-collisions on purpose — đường/dương/đương, Quảng Ninh/Quàng Văn Ninh/Quang Minh,
/// hòa/hoà and thủy/thuỷ written both ways, 2718 beside 2781, 2.000815 beside 2.000816, the same
/// number (45/QĐ-UBND) and the same procedure code on two sites. Every item's data is written with
/// its module's fields class, as the module stores it.
/// </summary>
internal static class RelevanceCorpus
{
    public static readonly Tenant Province = new() { Id = 1, Name = Tenant.DefaultName, DisplayName = "Cổng thông tin điện tử tỉnh Bình Lâm", Level = TenantLevel.Province };

    public static readonly Tenant Transport = new() { Id = 2, Name = "so-gtvt", DisplayName = "Sở Giao thông vận tải tỉnh Bình Lâm", Level = TenantLevel.Department, ParentId = 1 };

    public static readonly Tenant Commune = new() { Id = 3, Name = "xa-hong-ha", DisplayName = "UBND xã Hồng Hà", Level = TenantLevel.Commune, ParentId = 1 };

    public static IReadOnlyList<Tenant> Sites { get; } = [Province, Transport, Commune];

    private static readonly DateTime Published = new(2025, 6, 2, 2, 0, 0, DateTimeKind.Utc);

    public static IEnumerable<ContentItem> Items()
    {
        // News: the province.
        yield return News(Province, "n01", "Quảng Ninh và Bình Lâm ký kết hợp tác phát triển du lịch",
            "Lãnh đạo hai tỉnh ký biên bản ghi nhớ hợp tác giai đoạn 2025 – 2030 về du lịch, xúc tiến thương mại và đào tạo nguồn nhân lực.",
            "<p>Sáng 2/6, tại thành phố Hạ Long, tỉnh Quảng Ninh và tỉnh Bình Lâm tổ chức lễ ký kết chương trình hợp tác phát triển du lịch.</p><p>Hai bên thống nhất xây dựng tour liên tỉnh, chia sẻ kinh nghiệm quản lý điểm đến và quảng bá chung tại các hội chợ.</p>",
            "du-lich", "Quảng Ninh", "du lịch");
        yield return News(Province, "n02", "Ông Quàng Văn Ninh được bầu làm Chủ tịch Hội Nông dân huyện Mường Lát",
            "Đại hội đại biểu Hội Nông dân huyện nhiệm kỳ 2025 – 2030 đã bầu ban chấp hành gồm 21 đồng chí.",
            "<p>Ông Quàng Văn Ninh, người dân tộc Thái, từng nhiều năm làm chi hội trưởng nông dân bản Na Hin. Đại hội đề ra mục tiêu mỗi năm có thêm 300 hộ sản xuất kinh doanh giỏi.</p>",
            "chinh-tri", "hội nông dân");
        yield return News(Province, "n03", "Đoàn công tác thăm mô hình trồng quế ở xã Quang Minh",
            "Diện tích quế hữu cơ của xã Quang Minh đạt hơn 400 ha, thu nhập bình quân tăng rõ rệt.",
            "<p>Đoàn công tác của Sở Nông nghiệp và Môi trường đã kiểm tra vùng nguyên liệu, làm việc với hợp tác xã về chứng nhận hữu cơ và tiêu thụ sản phẩm.</p>",
            "kinh-te", "nông nghiệp");
        yield return News(Province, "n04", "Tỉnh Quảng Ngãi trao đổi kinh nghiệm cải cách hành chính",
            "Đoàn cán bộ tỉnh Quảng Ngãi làm việc tại Trung tâm Phục vụ hành chính công tỉnh Bình Lâm.",
            "<p>Hai bên trao đổi về số hóa hồ sơ, thanh toán trực tuyến phí, lệ phí và đo lường sự hài lòng của người dân.</p>",
            "cai-cach-hanh-chinh", "cải cách hành chính");
        yield return News(Province, "n05", "Thông xe tuyến đường ven biển nối thị xã Đông Hải với khu kinh tế Vân Đồn",
            "Tuyến đường dài 24 km, bốn làn xe, rút ngắn thời gian đi lại giữa hai địa phương còn 20 phút.",
            "<p>Tuyến đường ven biển được đầu tư từ nguồn ngân sách tỉnh, hoàn thành trước tiến độ hai tháng. Dọc tuyến có ba cầu lớn và hệ thống chiếu sáng bằng năng lượng mặt trời.</p>",
            "giao-thong", "giao thông", "hạ tầng");
        yield return News(Province, "n06", "Triển lãm tranh sơn mài của họa sĩ Dương Thị Lan tại Bảo tàng tỉnh",
            "Gần 60 tác phẩm về làng chài và biển đảo được giới thiệu đến công chúng đến hết tháng 7.",
            "<p>Họa sĩ Dương Thị Lan sinh năm 1968, hội viên Hội Mỹ thuật Việt Nam. Triển lãm mở cửa tự do, có khu trải nghiệm vẽ sơn mài cho học sinh.</p>",
            "van-hoa", "văn hóa", "mỹ thuật");
        yield return News(Province, "n07", "Lãnh đạo tỉnh đương nhiệm tiếp xúc cử tri trước kỳ họp thứ 25",
            "Cử tri kiến nghị về giá đất bồi thường, chất lượng bữa ăn bán trú và việc làm cho lao động nông thôn.",
            "<p>Các đại biểu Quốc hội và đại biểu Hội đồng nhân dân tỉnh đương nhiệm đã tiếp thu, giải trình ngay tại hội nghị những nội dung thuộc thẩm quyền.</p>",
            "chinh-tri", "tiếp xúc cử tri");
        yield return News(Province, "n08", "Hơn 1.200 đơn vị máu được tiếp nhận trong ngày hội hiến máu tình nguyện",
            "Ngày hội Giọt hồng tri ân năm 2025 thu hút đông đảo đoàn viên, thanh niên và cán bộ, công chức tham gia.",
            "<p>Ban chỉ đạo vận động hiến máu tình nguyện tỉnh cho biết lượng máu tiếp nhận sẽ bổ sung cho ngân hàng máu của Bệnh viện Đa khoa tỉnh trong dịp hè.</p>",
            "xa-hoi", "y tế");
        yield return News(Province, "n09", "Xã Hòa Bình về đích nông thôn mới nâng cao",
            "Sau năm năm, thu nhập bình quân đầu người của xã đạt 72 triệu đồng, không còn hộ nghèo.",
            "<p>Xã Hòa Bình đã cứng hóa toàn bộ đường trục thôn, xây dựng nhà văn hóa ở 12 thôn và đưa chợ nông thôn vào hoạt động.</p>",
            "nong-thon-moi", "nông thôn mới");
        yield return News(Province, "n12", "Nạo vét kênh thuỷ lợi Bắc Đông Hải trước mùa mưa bão",
            "Công ty Khai thác công trình thuỷ lợi huy động 15 máy đào, nạo vét 30 km kênh chính.",
            "<p>Việc nạo vét giúp bảo đảm nước tưới cho hơn 2.000 ha lúa vụ mùa và tiêu úng khi có mưa lớn.</p>",
            "nong-nghiep", "thuỷ lợi");
        yield return News(Province, "n13", "Thôn Thụy Lợi đón bằng công nhận thôn văn hóa tiêu biểu",
            "Thôn Thụy Lợi, xã Hòa Bình, giữ vững danh hiệu thôn văn hóa năm năm liền.",
            "<p>Người dân Thụy Lợi góp tiền, hiến đất làm sân thể thao và trồng hoa dọc đường làng.</p>",
            "van-hoa", "văn hóa");
        yield return News(Province, "n14", "Hội nghị xúc tiến đầu tư vào khu kinh tế Vân Đồn năm 2025",
            "Tỉnh trao quyết định chủ trương đầu tư cho 12 dự án với tổng vốn đăng ký 18.000 tỷ đồng.",
            "<p>Các nhà đầu tư quan tâm đến logistics, năng lượng tái tạo và du lịch nghỉ dưỡng cao cấp.</p>",
            "kinh-te", "đầu tư");
        yield return News(Province, "n15", "Tiến độ giải ngân vốn đầu tư công chậm, tỉnh yêu cầu xúc tiến công tác giải phóng mặt bằng",
            "Đến hết tháng 5, tỉnh mới giải ngân được 28% kế hoạch vốn đầu tư công.",
            "<p>Chủ tịch UBND tỉnh yêu cầu các chủ đầu tư lập kế hoạch giải ngân theo tuần và xử lý dứt điểm vướng mắc về mặt bằng.</p>",
            "kinh-te", "đầu tư công");
        yield return News(Province, "n16", "Ra quân tháng cao điểm an toàn giao thông dịp Tết",
            "Lực lượng cảnh sát giao thông tăng cường tuần tra, xử lý vi phạm nồng độ cồn.",
            "<p>Trong tháng cao điểm, các đội tuần tra kiểm soát hoạt động cả ngày lẫn đêm trên quốc lộ và đường tỉnh, tập trung vào xe khách và xe tải.</p>",
            "giao-thong", "an toàn giao thông");
        yield return News(Province, "n17", "Giao thông nông thôn: bảo đảm an toàn cho học sinh khi tan trường",
            "Nhiều trường học ở khu vực nông thôn chưa có vạch sơn, biển báo trước cổng trường.",
            "<p>Ngành giáo dục phối hợp với chính quyền cấp xã bố trí người hướng dẫn học sinh qua đường vào giờ tan học và lắp gờ giảm tốc.</p>",
            "giao-thong", "giáo dục");
        yield return News(Province, "n18", "Công bố quy hoạch khu du lịch sinh thái hồ Yên Trung",
            "Khu du lịch rộng 850 ha, chia thành bốn phân khu chức năng.",
            "<p>Quy hoạch được phê duyệt tại Quyết định số 2718/QĐ-UBND của UBND tỉnh. Người dân có thể xem bản vẽ tại trụ sở UBND xã và trên cổng thông tin.</p>",
            "quy-hoach", "quy hoạch");
        yield return News(Province, "n19", "Tuyên dương 50 học sinh giỏi quốc gia năm học 2024 – 2025",
            "Tỉnh có 50 học sinh đạt giải học sinh giỏi quốc gia, tăng 8 giải so với năm trước.",
            "<p>Các em được tặng bằng khen của Chủ tịch UBND tỉnh và học bổng của Quỹ khuyến học.</p>",
            "giao-duc", "giáo dục");
        yield return News(Province, "n20", "Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia",
            "Từ tháng 7, nhiều thủ tục chỉ tiếp nhận hồ sơ trực tuyến toàn trình.",
            "<p>Người dân đăng nhập bằng tài khoản định danh điện tử VNeID, chọn thủ tục, điền tờ khai và thanh toán lệ phí trực tuyến.</p>",
            "cai-cach-hanh-chinh", "dịch vụ công");
        yield return News(Province, "n21", "Dự báo mưa lớn diện rộng, đề phòng lũ quét và sạt lở đất",
            "Ban Chỉ huy phòng thủ dân sự tỉnh yêu cầu các địa phương sẵn sàng sơ tán dân.",
            "<p>Lượng mưa phổ biến 100 – 200 mm, có nơi trên 300 mm. Các hồ chứa thủy điện vận hành theo quy trình liên hồ.</p>",
            "thoi-tiet", "phòng chống thiên tai");
        yield return News(Province, "n22", "Khai mạc Lễ hội hoa ban và tuần văn hóa các dân tộc",
            "Lễ hội diễn ra trong ba ngày với nhiều hoạt động văn hóa, thể thao và ẩm thực.",
            "<p>Du khách được thưởng thức múa xòe, chợ phiên vùng cao và không gian trưng bày thổ cẩm.</p>",
            "van-hoa", "lễ hội");
        yield return News(Province, "n23", "Đường dây 500 kV mạch 3 đi qua tỉnh đóng điện an toàn",
            "Đoạn đường dây qua tỉnh dài 68 km, đi qua 14 xã.",
            "<p>Tỉnh đã hoàn thành giải phóng mặt bằng cho 152 vị trí móng cột, bồi thường đúng quy định cho các hộ dân.</p>",
            "kinh-te", "năng lượng");
        yield return News(Province, "n24", "Bình Lâm tăng tốc chuyển đổi số trong cơ quan nhà nước",
            "100% văn bản giữa các cơ quan được gửi nhận dưới dạng điện tử, có chữ ký số.",
            "<p>Tỉnh đưa vào sử dụng kho dữ liệu dùng chung và trợ lý ảo hỗ trợ cán bộ tra cứu văn bản.</p>",
            "chuyen-doi-so", "chuyển đổi số");

        // News: the transport department and the commune.
        yield return News(Transport, "t01", "Khởi công cải tạo đường tỉnh 338 đoạn qua thị trấn Tân Dương",
            "Dự án dài 9,2 km, mở rộng nền đường lên 12 m, hoàn thành trong năm 2026.",
            "<p>Trong thời gian thi công, đơn vị thi công bố trí người điều tiết giao thông và làm đường tạm cho xe máy.</p>",
            "giao-thong", "đường tỉnh 338");
        yield return News(Transport, "t02", "Phân luồng giao thông phục vụ sửa chữa cầu Bến Đương",
            "Từ ngày 10/6, xe trên 10 tấn không đi qua cầu Bến Đương, đi theo quốc lộ 18.",
            "<p>Sở Giao thông vận tải đề nghị lái xe chú ý biển báo và chấp hành hướng dẫn của lực lượng chức năng.</p>",
            "giao-thong", "phân luồng");
        yield return News(Transport, "t03", "Sát hạch lái xe: chuyển sang thi lý thuyết trên máy tính bảng",
            "Trung tâm sát hạch lái xe loại 2 của tỉnh bắt đầu áp dụng từ tháng 8.",
            "<p>Thí sinh làm bài trên máy tính bảng, kết quả hiển thị ngay sau khi nộp bài.</p>",
            "dao-tao-lai-xe", "sát hạch");
        yield return News(Commune, "c01", "Xã Hồng Hà ra quân làm đường giao thông nông thôn",
            "Nhân dân các thôn góp hơn 3.000 ngày công, hiến 2.500 m² đất để mở rộng đường.",
            "<p>Xã phấn đấu bê tông hóa 5 km đường ngõ xóm trong năm nay.</p>",
            "tin-xa", "nông thôn mới");
        yield return News(Commune, "n10", "Hội thi hoà giải viên giỏi xã Hồng Hà năm 2025",
            "Mười tổ hoà giải ở cơ sở tham gia hội thi với các tình huống tranh chấp đất đai, hôn nhân gia đình.",
            "<p>Tổ hoà giải thôn Đông đạt giải nhất. Hội thi giúp nâng cao kỹ năng hoà giải ở cơ sở, giữ gìn đoàn kết trong khu dân cư.</p>",
            "tin-xa", "phổ biến pháp luật");
        yield return News(Commune, "n11", "Trao giải cuộc thi cắm hoa mừng ngày Phụ nữ Việt Nam",
            "Tác phẩm đoạt hoa giải nhất thuộc về chi hội phụ nữ thôn Đông.",
            "<p>Cuộc thi có 15 đội tham gia. Ban giám khảo chấm theo ý tưởng, màu sắc và cách sử dụng hoa của địa phương.</p>",
            "tin-xa", "phụ nữ");
        yield return News(Commune, "c02", "Lịch cắt điện tháng 6 trên địa bàn xã Hồng Hà",
            "Điện lực khu vực thông báo cắt điện để bảo dưỡng đường dây trung thế.",
            "<p>Thời gian cắt điện từ 7 giờ đến 16 giờ ngày 14/6 tại các thôn Đông, Tây và Trung.</p>",
            "thong-bao", "thông báo");

        yield return News(Province, "n25", "Quảng bá đặc sản nước mắm Đông Hải tại hội chợ xúc tiến thương mại",
            "Gian hàng của tỉnh giới thiệu hơn 40 sản phẩm OCOP, trong đó nước mắm truyền thống được nhiều khách quan tâm.",
            "<p>Các doanh nghiệp ký được 12 hợp đồng bao tiêu, mở rộng thị trường sang các tỉnh phía Nam.</p>",
            "kinh-te", "OCOP");
        yield return News(Province, "n26", "Khánh thành trường mầm non Hoà Lạc sau hai năm xây dựng",
            "Trường có 14 phòng học, bếp ăn một chiều và sân chơi ngoài trời cho 400 trẻ.",
            "<p>Công trình được đầu tư bằng nguồn vốn chương trình mục tiêu quốc gia và xã hội hóa.</p>",
            "giao-duc", "giáo dục");
        yield return News(Province, "n27", "Kiểm tra an toàn thực phẩm tại các bếp ăn tập thể khu công nghiệp",
            "Đoàn liên ngành kiểm tra 36 cơ sở, xử phạt 4 cơ sở vi phạm điều kiện vệ sinh.",
            "<p>Đoàn lấy mẫu thực phẩm để xét nghiệm nhanh và hướng dẫn các doanh nghiệp lưu mẫu thức ăn đúng quy định.</p>",
            "y-te", "an toàn thực phẩm");
        yield return News(Province, "n28", "Tổng kết công tác dân vận chính quyền năm 2024",
            "Nhiều mô hình dân vận khéo được nhân rộng ở cơ sở.",
            "<p>Hội nghị biểu dương 30 tập thể và 45 cá nhân có thành tích xuất sắc trong phong trào thi đua dân vận khéo.</p>",
            "chinh-tri", "dân vận");
        yield return News(Transport, "t04", "Kiểm tra phương tiện đường thủy nội địa chở khách du lịch",
            "Thanh tra Sở kiểm tra áo phao, thiết bị cứu sinh trên 60 tàu du lịch.",
            "<p>Các tàu không đủ điều kiện an toàn bị tạm dừng hoạt động cho đến khi khắc phục xong.</p>",
            "giao-thong", "đường thủy");
        yield return News(Commune, "c03", "Xã Hồng Hà tuyên truyền phòng, chống ma túy trong trường học",
            "Buổi tuyên truyền thu hút hơn 500 học sinh trường trung học cơ sở Hồng Hà.",
            "<p>Công an xã giới thiệu các loại ma túy mới và cách nhận biết, từ chối lời rủ rê.</p>",
            "tin-xa", "an ninh trật tự");

        // Legal documents.
        yield return Legal(Province, "l01", "2718/QĐ-UBND", "Quyết định", "UBND tỉnh Bình Lâm", "Quy hoạch - Xây dựng",
            "Về việc phê duyệt quy hoạch chi tiết khu du lịch sinh thái hồ Yên Trung", "Nguyễn Văn Hùng", "Chủ tịch", new(2025, 5, 20));
        yield return Legal(Province, "l02", "2781/QĐ-UBND", "Quyết định", "UBND tỉnh Bình Lâm", "Giao thông vận tải",
            "Về việc công bố danh mục thủ tục hành chính được chuẩn hóa lĩnh vực đường bộ", "Trần Thị Mai", "Phó Chủ tịch", new(2025, 5, 26));
        yield return Legal(Province, "l03", "2719/UBND-KT", "Công văn", "UBND tỉnh Bình Lâm", "Kinh tế",
            "Về việc đôn đốc giải ngân vốn đầu tư công năm 2025", "Trần Thị Mai", "Phó Chủ tịch", new(2025, 5, 21));
        yield return Legal(Province, "l04", "15/2024/NQ-HĐND", "Nghị quyết", "HĐND tỉnh Bình Lâm", "Nông nghiệp",
            "Quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp hàng hóa giai đoạn 2025 – 2030", "Lê Minh Quang", "Chủ tịch HĐND", new(2024, 12, 10));
        yield return Legal(Province, "l05", "16/2024/NQ-HĐND", "Nghị quyết", "HĐND tỉnh Bình Lâm", "Tài chính",
            "Quy định mức thu phí tham quan danh lam thắng cảnh trên địa bàn tỉnh", "Lê Minh Quang", "Chủ tịch HĐND", new(2024, 12, 10));
        yield return Legal(Province, "l08", "45/QĐ-UBND", "Quyết định", "UBND tỉnh Bình Lâm", "Nội vụ",
            "Về việc thành lập Ban Chỉ đạo cải cách hành chính tỉnh", "Nguyễn Văn Hùng", "Chủ tịch", new(2025, 1, 8));
        yield return Legal(Province, "l09", "08/2025/QĐ-UBND", "Quyết định", "UBND tỉnh Bình Lâm", "Đất đai",
            "Ban hành bảng giá đất áp dụng từ ngày 01/01/2026 trên địa bàn tỉnh", "Nguyễn Văn Hùng", "Chủ tịch", new(2025, 3, 3));
        yield return Legal(Province, "l10", "1234/KH-UBND", "Kế hoạch", "UBND tỉnh Bình Lâm", "Khoa học - Công nghệ",
            "Kế hoạch thực hiện chuyển đổi số năm 2025", "Trần Thị Mai", "Phó Chủ tịch", new(2025, 2, 14));
        yield return Legal(Province, "l11", "36/CT-UBND", "Chỉ thị", "UBND tỉnh Bình Lâm", "Phòng cháy, chữa cháy",
            "Về tăng cường công tác phòng cháy, chữa cháy tại khu dân cư và nhà ở kết hợp kinh doanh", "Nguyễn Văn Hùng", "Chủ tịch", new(2025, 4, 1));
        yield return Legal(Province, "l12", "3/2025/QĐ-UBND", "Quyết định", "UBND tỉnh Bình Lâm", "Giao thông vận tải",
            "Quy định phân cấp quản lý đường bộ địa phương", "Trần Thị Mai", "Phó Chủ tịch", new(2025, 1, 20));
        yield return Legal(Province, "l15", "271/QĐ-UBND", "Quyết định", "UBND tỉnh Bình Lâm", "Giáo dục",
            "Về việc giao chỉ tiêu tuyển sinh lớp 10 năm học 2025 – 2026", "Trần Thị Mai", "Phó Chủ tịch", new(2025, 2, 3));
        yield return Legal(Transport, "l06", "125/QĐ-SGTVT", "Quyết định", "Sở Giao thông vận tải", "Đường bộ",
            "Về việc phân luồng giao thông qua cầu Bến Đương trong thời gian sửa chữa", "Phạm Quốc Dũng", "Giám đốc", new(2025, 6, 5));
        yield return Legal(Transport, "l13", "126/SGTVT-QLGT", "Công văn", "Sở Giao thông vận tải", "Đường bộ",
            "Về việc bảo đảm an toàn giao thông mùa mưa bão", "Phạm Quốc Dũng", "Giám đốc", new(2025, 6, 6));
        yield return Legal(Commune, "l07", "45/QĐ-UBND", "Quyết định", "UBND xã Hồng Hà", "Hành chính",
            "Về việc kiện toàn tổ hoà giải ở cơ sở các thôn", "Hoàng Văn Tuấn", "Chủ tịch UBND xã", new(2025, 2, 17));
        yield return Legal(Commune, "l14", "12/KH-UBND", "Kế hoạch", "UBND xã Hồng Hà", "Văn hóa - Xã hội",
            "Kế hoạch tổ chức Ngày hội đại đoàn kết toàn dân tộc năm 2025", "Hoàng Văn Tuấn", "Chủ tịch UBND xã", new(2025, 9, 1));

        // Procedures.
        yield return Procedure(Province, "p01", "2.000815", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "Hoạt động xây dựng", "UBND cấp huyện",
            "Hộ gia đình, cá nhân", ["Nộp hồ sơ tại Bộ phận một cửa", "Cơ quan cấp phép thẩm định, kiểm tra thực địa", "Trả giấy phép xây dựng"],
            "Giấy phép xây dựng", ["Đơn đề nghị cấp giấy phép xây dựng", "Bản vẽ thiết kế xây dựng", "Giấy tờ chứng minh quyền sử dụng đất"]);
        yield return Procedure(Province, "p02", "2.000816", "Cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ", "Hoạt động xây dựng", "UBND cấp huyện",
            "Hộ gia đình, cá nhân", ["Nộp hồ sơ tại Bộ phận một cửa", "Thẩm định hồ sơ", "Trả giấy phép"],
            "Giấy phép xây dựng sửa chữa, cải tạo", ["Đơn đề nghị", "Ảnh chụp hiện trạng công trình", "Bản vẽ cải tạo"]);
        yield return Procedure(Province, "p03", "1.001612", "Đăng ký khai sinh", "Hộ tịch", "UBND cấp xã",
            "Cha, mẹ hoặc người thân thích của trẻ", ["Nộp tờ khai và giấy chứng sinh", "Công chức tư pháp - hộ tịch kiểm tra", "Cấp giấy khai sinh"],
            "Giấy khai sinh", ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]);
        yield return Procedure(Province, "p04", "1.001193", "Đăng ký kết hôn", "Hộ tịch", "UBND cấp xã",
            "Công dân Việt Nam cư trú trong nước", ["Hai bên nam, nữ nộp tờ khai", "Kiểm tra điều kiện kết hôn", "Trao giấy chứng nhận kết hôn"],
            "Giấy chứng nhận kết hôn", ["Tờ khai đăng ký kết hôn", "Giấy xác nhận tình trạng hôn nhân"]);
        yield return Procedure(Province, "p07", "2.001711", "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai", "Văn phòng đăng ký đất đai",
            "Hộ gia đình, cá nhân đang sử dụng đất", ["Nộp hồ sơ", "Đo đạc, kiểm tra hiện trạng", "Xác định nghĩa vụ tài chính", "Trao giấy chứng nhận"],
            "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất", ["Đơn đăng ký", "Giấy tờ về nguồn gốc đất"]);
        yield return Procedure(Province, "p09", "1.004227", "Cấp phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp", "Sở Tư pháp",
            "Công dân Việt Nam", ["Nộp tờ khai yêu cầu cấp phiếu", "Tra cứu thông tin lý lịch", "Trả phiếu lý lịch tư pháp"],
            "Phiếu lý lịch tư pháp số 1 hoặc số 2", ["Tờ khai yêu cầu cấp phiếu lý lịch tư pháp", "Bản chụp giấy tờ tùy thân"]);
        yield return Procedure(Province, "p11", "2.000488", "Hòa giải tranh chấp đất đai", "Đất đai", "UBND cấp xã",
            "Các bên tranh chấp đất đai", ["Nộp đơn yêu cầu hòa giải", "Thành lập hội đồng hòa giải", "Tổ chức hòa giải, lập biên bản"],
            "Biên bản hòa giải thành hoặc không thành", ["Đơn yêu cầu hòa giải tranh chấp đất đai"]);
        yield return Procedure(Province, "p12", "1.000894", "Cấp giấy phép kinh doanh dịch vụ karaoke", "Văn hóa", "Sở Văn hóa, Thể thao và Du lịch",
            "Doanh nghiệp, hộ kinh doanh", ["Nộp hồ sơ", "Kiểm tra điều kiện phòng hát", "Cấp giấy phép"],
            "Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", ["Đơn đề nghị", "Bản sao giấy chứng nhận đăng ký kinh doanh"]);
        yield return Procedure(Province, "p13", "1.001257", "Đăng ký thường trú", "Đăng ký, quản lý cư trú", "Công an cấp xã",
            "Công dân Việt Nam", ["Nộp hồ sơ qua Cổng dịch vụ công", "Công an xã kiểm tra", "Cập nhật cơ sở dữ liệu cư trú"],
            "Thông báo kết quả đăng ký thường trú", ["Tờ khai thay đổi thông tin cư trú"]);
        yield return Procedure(Province, "p15", "1.000815", "Cấp giấy phép khai thác nước dưới đất", "Tài nguyên nước", "Sở Nông nghiệp và Môi trường",
            "Tổ chức, cá nhân khai thác nước dưới đất", ["Nộp hồ sơ", "Thẩm định, kiểm tra thực địa", "Cấp giấy phép"],
            "Giấy phép khai thác nước dưới đất", ["Đơn đề nghị cấp giấy phép", "Báo cáo kết quả thăm dò"]);
        yield return Procedure(Transport, "p05", "1.002801", "Cấp đổi giấy phép lái xe do ngành giao thông vận tải cấp", "Đường bộ", "Sở Giao thông vận tải",
            "Người có giấy phép lái xe sắp hết hạn hoặc bị hỏng", ["Nộp hồ sơ trực tuyến hoặc tại bộ phận một cửa", "Chụp ảnh, kiểm tra hồ sơ", "Trả giấy phép lái xe mới"],
            "Giấy phép lái xe", ["Đơn đề nghị đổi giấy phép lái xe", "Giấy khám sức khỏe"]);
        yield return Procedure(Transport, "p06", "1.002809", "Cấp giấy phép lái xe quốc tế", "Đường bộ", "Sở Giao thông vận tải",
            "Công dân Việt Nam có giấy phép lái xe quốc gia còn hạn", ["Nộp tờ khai", "Kiểm tra giấy phép lái xe quốc gia", "Cấp giấy phép quốc tế"],
            "Giấy phép lái xe quốc tế IDP", ["Tờ khai đề nghị cấp giấy phép lái xe quốc tế"]);
        yield return Procedure(Transport, "p10", "1.001023", "Đăng ký xe máy chuyên dùng lần đầu", "Đường bộ", "Sở Giao thông vận tải",
            "Tổ chức, cá nhân sở hữu xe máy chuyên dùng", ["Nộp hồ sơ", "Kiểm tra xe", "Cấp giấy chứng nhận đăng ký và biển số"],
            "Giấy chứng nhận đăng ký xe máy chuyên dùng", ["Tờ khai đăng ký", "Chứng từ nguồn gốc xe"]);
        yield return Procedure(Commune, "p08", "1.001612", "Đăng ký khai sinh", "Hộ tịch", "UBND xã Hồng Hà",
            "Cha, mẹ của trẻ cư trú tại xã", ["Nộp tờ khai tại bộ phận một cửa xã", "Kiểm tra hồ sơ", "Cấp giấy khai sinh"],
            "Giấy khai sinh", ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"]);
        yield return Procedure(Commune, "p14", "1.000656", "Chứng thực bản sao từ bản chính", "Chứng thực", "UBND xã Hồng Hà",
            "Cá nhân, tổ chức", ["Xuất trình bản chính", "Công chức đối chiếu", "Ký chứng thực và đóng dấu"],
            "Bản sao được chứng thực", ["Bản chính giấy tờ", "Bản sao cần chứng thực"]);

        // Static pages.
        yield return Page(Province, "g01", "Giới thiệu chung về tỉnh Bình Lâm",
            "<h2>Vị trí địa lý</h2><p>Tỉnh Bình Lâm nằm ở vùng duyên hải, phía bắc giáp tỉnh Lạng Sơn, phía đông giáp biển. Diện tích tự nhiên 6.100 km², dân số hơn 1,4 triệu người.</p>");
        yield return Page(Province, "g02", "Cơ cấu tổ chức Ủy ban nhân dân tỉnh",
            "<p>Ủy ban nhân dân tỉnh gồm Chủ tịch, các Phó Chủ tịch và các ủy viên; có 17 sở, ban, ngành chuyên môn.</p>");
        yield return Page(Province, "g05", "Đường dây nóng tiếp nhận phản ánh, kiến nghị",
            "<p>Người dân, doanh nghiệp phản ánh qua đường dây nóng 1900 1234 hoặc hộp thư điện tử của Văn phòng UBND tỉnh. Mọi phản ánh được trả lời trong 5 ngày làm việc.</p>");
        yield return Page(Province, "g07", "Liên hệ Văn phòng UBND tỉnh",
            "<p>Địa chỉ: số 8 đường Trần Hưng Đạo, phường Hồng Gai. Điện thoại: 0203 3835 123.</p>");
        yield return Page(Province, "g08", "Quy chế hoạt động của Cổng thông tin điện tử tỉnh",
            "<p>Cổng thông tin điện tử tỉnh cung cấp thông tin chỉ đạo, điều hành của UBND tỉnh, văn bản quy phạm pháp luật và dịch vụ công trực tuyến.</p>");
        yield return Page(Transport, "g03", "Giới thiệu Sở Giao thông vận tải",
            "<p>Chức năng, nhiệm vụ: Sở Giao thông vận tải là cơ quan chuyên môn tham mưu cho UBND tỉnh quản lý nhà nước về đường bộ, đường thủy nội địa và vận tải.</p>");
        yield return Page(Commune, "g04", "Liên hệ UBND xã Hồng Hà",
            "<p>Trụ sở: thôn Trung, xã Hồng Hà, đường Dương Đình Nghệ. Bộ phận một cửa làm việc các ngày trong tuần.</p>");
        yield return Page(Commune, "g06", "Lịch tiếp công dân của Chủ tịch UBND xã",
            "<p>Chủ tịch UBND xã tiếp công dân vào sáng thứ Năm hằng tuần tại phòng tiếp công dân.</p>");

        // Answered questions.
        yield return Answer(Province, "q01", "Hỏi về thủ tục xin phép xây dựng nhà ở nông thôn",
            "Gia đình tôi muốn xây nhà hai tầng ở thôn, có phải xin phép xây dựng không?",
            "<p>Nhà ở riêng lẻ ở nông thôn không thuộc khu vực có quy hoạch chi tiết được miễn giấy phép xây dựng; ở khu vực đã có quy hoạch thì phải xin phép.</p>", "Sở Xây dựng");
        yield return Answer(Province, "q02", "Thời hạn đổi giấy phép lái xe hạng B2",
            "Giấy phép lái xe hạng B2 của tôi hết hạn tháng sau, tôi cần làm gì?",
            "<p>Ông nộp hồ sơ đổi giấy phép trước khi hết hạn; từ ngày 1/1/2025 hạng B2 được đổi sang hạng B hoặc C1.</p>", "Sở Giao thông vận tải");
        yield return Answer(Province, "q04", "Mức hỗ trợ học phí cho học sinh vùng khó khăn",
            "Con tôi học lớp 10 ở xã đặc biệt khó khăn, có được hỗ trợ học phí không?",
            "<p>Học sinh ở xã đặc biệt khó khăn được miễn học phí và hỗ trợ chi phí học tập 150.000 đồng một tháng.</p>", "Sở Giáo dục và Đào tạo");
        yield return Answer(Province, "q05", "Khiếu nại về việc bồi thường đất của gia đình ông Quang",
            "Tôi không đồng ý mức bồi thường đất ở thôn Quang Minh.",
            "<p>Đề nghị ông gửi đơn đến UBND huyện để được xem xét theo thẩm quyền.</p>", "UBND huyện", listed: false);
        yield return Answer(Province, "q07", "Hỏi về mức phí tham quan khu du lịch hồ Yên Trung",
            "Người cao tuổi có được miễn phí tham quan hồ Yên Trung không?",
            "<p>Người từ đủ 60 tuổi được giảm 50% phí tham quan theo Nghị quyết của HĐND tỉnh.</p>", "Sở Văn hóa, Thể thao và Du lịch");
        yield return Answer(Transport, "q06", "Đường tỉnh 338 bị sụt lún ở km 12 khi nào được sửa?",
            "Mặt đường tỉnh 338 đoạn km 12 sụt lún sau mưa, rất nguy hiểm cho xe máy.",
            "<p>Sở đã giao đơn vị bảo trì khắc phục tạm trong tuần này; đoạn km 12 sẽ được sửa dứt điểm khi cải tạo đường tỉnh 338.</p>", "Sở Giao thông vận tải");
        yield return Answer(Commune, "q03", "Đăng ký khai sinh cho con khi bố mẹ chưa đăng ký kết hôn",
            "Vợ chồng tôi chưa đăng ký kết hôn, làm khai sinh cho con thế nào?",
            "<p>Anh chị vẫn đăng ký khai sinh cho cháu được; nếu người cha muốn ghi tên thì làm thủ tục nhận cha con cùng lúc.</p>", "UBND xã Hồng Hà");
    }

    /// <summary>The types as their modules register them (only the public address matters to search).</summary>
    public static ContentTypeDefinition Definition(string type) => type switch
    {
        NewsFields.ContentType => Define(type, "Tin bài", NewsAddresses.Article("{category}", "{slug}")),
        LegalDocumentData.ContentType => Define(type, "Văn bản", "~/van-ban/{slug}"),
        ProcedureJson.ContentType => Define(type, "Thủ tục hành chính", "~/thu-tuc-hanh-chinh/{slug}"),
        PageContent.ContentType => Define(type, "Trang", "~/trang/{slug}"),
        QuestionContent.ContentType => Define(type, "Hỏi đáp", "~/hoi-dap/{slug}"),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static ContentTypeDefinition Define(string type, string name, string path) =>
        new(type, name, "Portal." + type, "~/admin/" + type + "/{0}", new ContentTypePermissions("edit", "edit-any", "approve", "publish")) { PublicPath = path };

    private static ContentItem News(Tenant site, string id, string title, string summary, string body, string category, params string[] tags) =>
        Item(site, id, NewsFields.ContentType, title, category, NewsFields.Write(new NewsArticleFields { Summary = summary, Body = body, Category = category, Tags = [.. tags], Author = "Phóng viên" }));

    private static ContentItem Legal(Tenant site, string id, string number, string type, string authority, string field, string summary, string signer, string position, DateOnly issued)
    {
        var fields = new LegalDocumentFields
        {
            Number = number,
            DocumentType = type,
            IssuingAuthority = authority,
            Field = field,
            Summary = summary,
            Signer = signer,
            SignerPosition = position,
            IssuedOn = issued,
            EffectiveOn = issued,
        };
        var item = Item(site, id, LegalDocumentData.ContentType, LegalDocumentData.Title(fields), field, LegalDocumentData.Write(fields));
        item.Slug = LegalDocumentData.SlugCandidates(fields).First();
        return item;
    }

    private static ContentItem Procedure(Tenant site, string id, string code, string name, string field, string agency, string applicants, string[] steps, string result, string[] documents) =>
        Item(site, id, ProcedureJson.ContentType, name, field, ProcedureJson.Write(new ProcedureFields
        {
            Code = code,
            Field = field,
            Agency = agency,
            Applicants = applicants,
            Steps = [.. steps],
            Result = result,
            Documents = [.. documents.Select(d => new RequiredDocument(d))],
            ProcessingTime = "05 ngày làm việc",
        }));

    private static ContentItem Page(Tenant site, string id, string title, string body) =>
        Item(site, id, PageContent.ContentType, title, "", PageContent.Write(new PageFields { Body = body }));

    private static ContentItem Answer(Tenant site, string id, string title, string question, string answer, string agency, bool listed = true) =>
        Item(site, id, QuestionContent.ContentType, title, "", QuestionContent.Write(new AnswerFields
        {
            Question = question,
            Answer = answer,
            Agency = agency,
            Answerer = "Văn phòng " + agency,
            AskedUtc = Published.AddDays(-10),
            AnsweredUtc = Published,
            Listed = listed,
        }));

    private static ContentItem Item(Tenant site, string id, string type, string title, string category, string data) => new()
    {
        TenantId = site.Id,
        ContentItemId = id,
        ContentType = type,
        Version = 1,
        Latest = true,
        Published = true,
        State = ContentState.Published,
        Culture = "vi",
        LocalizationSet = id,
        Title = title,
        Slug = Slugs.FromTitle(title),
        Category = Slugs.FromTitle(category),
        CreatedUtc = Published,
        ModifiedUtc = Published,
        PublishedUtc = Published,
        Data = data,
    };
}
