using System.Reflection;
using Portal.Core.Contents;
using Portal.LegalDocuments.Models;
using Portal.News.Models;
using Portal.Procedures.Models;

namespace Portal.Tests.Kernel.Contents;

/// <summary>Fixed instances of each module's fields, with Vietnamese text, lists, dates and enums.</summary>
internal static class FieldSamples
{
    public static NewsArticleFields News() => new()
    {
        Summary = "Sáng nay, UBND xã tổ chức hội nghị \"tổng kết\" năm 2026 <b>&</b> trao thưởng.",
        Body = "<p>Nội dung có ký tự đặc biệt: ' \" < > & + \\ / và xuống dòng\nđây.</p>",
        Category = "tin-hoat-dong",
        Tags = ["hội nghị", "tổng kết"],
        Author = "Nguyễn Thị Lan Anh",
        Photographer = "Trần Văn Bình",
        Source = "Báo An Hòa",
        FeaturedImage = "/media/2026/11/hoi-nghi.jpg",
        FeaturedImageAlt = "Toàn cảnh hội nghị",
        FeaturedImageCaption = "Đại biểu dự hội nghị",
        Featured = true,
        RoyaltyClass = "A",
    };

    public static LegalDocumentFields Legal() => new()
    {
        Number = "42/2022/NĐ-CP",
        DocumentType = "Nghị định",
        IssuingAuthority = "Chính phủ",
        Field = "Công nghệ thông tin",
        Signer = "Phạm Minh Chính",
        SignerPosition = "Thủ tướng",
        IssuedOn = new DateOnly(2022, 6, 24),
        EffectiveOn = new DateOnly(2022, 8, 1),
        ExpiresOn = null,
        Summary = "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến",
        Kind = LegalDocumentKinds.Normative,
        Files = ["/media/van-ban/42-2022-nd-cp.pdf"],
        Replaces = ["43/2011/NĐ-CP"],
        Amends = [],
        Guides = ["12/2021/TT-BTTTT"],
    };

    public static ProcedureFields Procedure() => new()
    {
        Code = "1.001234",
        Field = "Hộ tịch",
        Level = ProcedureLevel.Commune,
        Agency = "Ủy ban nhân dân cấp xã",
        Steps = ["Nộp hồ sơ", "Nhận kết quả"],
        Channels = [SubmissionChannel.InPerson, SubmissionChannel.Online],
        Documents = [new RequiredDocument("Tờ khai đăng ký khai sinh", 1, DocumentKind.Original), new RequiredDocument("Giấy chứng sinh", 2)],
        ProcessingTime = "Trong ngày",
        Fees = "Miễn lệ phí",
        Applicants = "Công dân Việt Nam",
        Result = "Giấy khai sinh",
        LegalBasis = ["123/2015/NĐ-CP"],
        Forms = [new ProcedureForm("Tờ khai", "https://dichvucong.gov.vn/to-khai.docx")],
        OnlineLevel = OnlineServiceLevel.Partial,
        NationalPortalUrl = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234",
    };
}

/// <summary>
/// The kernel's one field convention writes exactly what each module wrote with its own options
/// before (captured from NewsFields, LegalDocumentData and ProcedureJson as they were): stored rows
/// and the importers' "unchanged" check compare these strings.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ContentFieldsTests
{
    private const string NewsJson = """{"summary":"S\u00E1ng nay, UBND x\u00E3 t\u1ED5 ch\u1EE9c h\u1ED9i ngh\u1ECB \u0022t\u1ED5ng k\u1EBFt\u0022 n\u0103m 2026 \u003Cb\u003E\u0026\u003C/b\u003E trao th\u01B0\u1EDFng.","body":"\u003Cp\u003EN\u1ED9i dung c\u00F3 k\u00FD t\u1EF1 \u0111\u1EB7c bi\u1EC7t: \u0027 \u0022 \u003C \u003E \u0026 \u002B \\ / v\u00E0 xu\u1ED1ng d\u00F2ng\n\u0111\u00E2y.\u003C/p\u003E","category":"tin-hoat-dong","tags":["h\u1ED9i ngh\u1ECB","t\u1ED5ng k\u1EBFt"],"author":"Nguy\u1EC5n Th\u1ECB Lan Anh","photographer":"Tr\u1EA7n V\u0103n B\u00ECnh","source":"B\u00E1o An H\u00F2a","featuredImage":"/media/2026/11/hoi-nghi.jpg","featuredImageAlt":"To\u00E0n c\u1EA3nh h\u1ED9i ngh\u1ECB","featuredImageCaption":"\u0110\u1EA1i bi\u1EC3u d\u1EF1 h\u1ED9i ngh\u1ECB","featured":true,"royaltyClass":"A"}""";

    private const string LegalJson = """{"number":"42/2022/N\u0110-CP","type":"Ngh\u1ECB \u0111\u1ECBnh","issuingAuthority":"Ch\u00EDnh ph\u1EE7","field":"C\u00F4ng ngh\u1EC7 th\u00F4ng tin","signer":"Ph\u1EA1m Minh Ch\u00EDnh","signerPosition":"Th\u1EE7 t\u01B0\u1EDBng","issuedOn":"2022-06-24","effectiveOn":"2022-08-01","expiresOn":null,"summary":"Quy \u0111\u1ECBnh v\u1EC1 vi\u1EC7c cung c\u1EA5p th\u00F4ng tin v\u00E0 d\u1ECBch v\u1EE5 c\u00F4ng tr\u1EF1c tuy\u1EBFn","kind":"normative","files":["/media/van-ban/42-2022-nd-cp.pdf"],"replaces":["43/2011/N\u0110-CP"],"amends":[],"guides":["12/2021/TT-BTTTT"]}""";

    private const string ProcedureJson = """{"code":"1.001234","field":"H\u1ED9 t\u1ECBch","level":"commune","agency":"\u1EE6y ban nh\u00E2n d\u00E2n c\u1EA5p x\u00E3","steps":["N\u1ED9p h\u1ED3 s\u01A1","Nh\u1EADn k\u1EBFt qu\u1EA3"],"channels":["inPerson","online"],"documents":[{"name":"T\u1EDD khai \u0111\u0103ng k\u00FD khai sinh","copies":1,"kind":"original"},{"name":"Gi\u1EA5y ch\u1EE9ng sinh","copies":2,"kind":"unspecified"}],"processingTime":"Trong ng\u00E0y","fees":"Mi\u1EC5n l\u1EC7 ph\u00ED","applicants":"C\u00F4ng d\u00E2n Vi\u1EC7t Nam","result":"Gi\u1EA5y khai sinh","legalBasis":["123/2015/N\u0110-CP"],"forms":[{"title":"T\u1EDD khai","url":"https://dichvucong.gov.vn/to-khai.docx"}],"onlineLevel":"partial","nationalPortalUrl":"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234"}""";

    [Fact]
    public void News_fields_are_written_byte_for_byte_as_before() => Assert.Equal(NewsJson, ContentFields.Write(FieldSamples.News()));

    [Fact]
    public void Legal_document_fields_are_written_byte_for_byte_as_before() => Assert.Equal(LegalJson, ContentFields.Write(FieldSamples.Legal()));

    [Fact]
    public void Procedure_fields_are_written_byte_for_byte_as_before() => Assert.Equal(ProcedureJson, ContentFields.Write(FieldSamples.Procedure()));

    [Theory]
    [InlineData("Portal.News.Services.NewsFields", "news")]
    [InlineData("Portal.LegalDocuments.Services.LegalDocumentData", "legal")]
    [InlineData("Portal.Procedures.Services.ProcedureJson", "procedure")]
    public void The_modules_read_and_write_through_the_convention(string type, string sample)
    {
        var (fields, json) = sample switch
        {
            "news" => ((object)FieldSamples.News(), NewsJson),
            "legal" => (FieldSamples.Legal(), LegalJson),
            _ => (FieldSamples.Procedure(), ProcedureJson),
        };
        var module = fields.GetType().Assembly.GetType(type, throwOnError: true)!;
        var write = module.GetMethod("Write", BindingFlags.Public | BindingFlags.Static)!;
        var read = module.GetMethod("Read", BindingFlags.Public | BindingFlags.Static)!;

        Assert.Equal(json, (string)write.Invoke(null, [fields])!);
        Assert.Equal(json, (string)write.Invoke(null, [read.Invoke(null, [json])])!);
    }

    [Fact]
    public void Stored_json_reads_back_to_the_same_fields()
    {
        var news = ContentFields.Read<NewsArticleFields>(NewsJson);
        var legal = ContentFields.Read<LegalDocumentFields>(LegalJson);
        var procedure = ContentFields.Read<ProcedureFields>(ProcedureJson);

        Assert.Equal(FieldSamples.News().Body, news.Body);
        Assert.Equal(new[] { "hội nghị", "tổng kết" }, news.Tags);
        Assert.Equal("Nghị định", legal.DocumentType);
        Assert.Equal(new DateOnly(2022, 6, 24), legal.IssuedOn);
        Assert.Null(legal.ExpiresOn);
        Assert.Equal(ProcedureLevel.Commune, procedure.Level);
        Assert.Equal(new[] { SubmissionChannel.InPerson, SubmissionChannel.Online }, procedure.Channels);
        Assert.Equal(new RequiredDocument("Giấy chứng sinh", 2), procedure.Documents[1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("không phải JSON")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    public void Data_that_is_not_the_fields_reads_as_empty_fields(string data)
    {
        Assert.Equal("", ContentFields.Read<NewsArticleFields>(data).Body);
        Assert.Equal(LegalDocumentKinds.Normative, ContentFields.Read<LegalDocumentFields>(data).Kind);
        Assert.Empty(ContentFields.Read<ProcedureFields>(data).Steps);
    }

    [Fact]
    public void The_options_cannot_be_changed_by_a_module() =>
        Assert.Throws<InvalidOperationException>(() => ContentFields.Options.PropertyNamingPolicy = null);
}
