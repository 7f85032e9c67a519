using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Core.Html;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

/// <summary>
/// Defect 7 of issue #10: PDFs with active content are refused at upload, the PDFs accepted are
/// served sandboxed, and a featured image must be one of the site's own (not protocol-relative,
/// not another site's).
/// </summary>
public sealed partial class ActiveContentTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Factory => fixture.Factory;

    public static TheoryData<string, string> ActivePdfs => new()
    {
        { "open-action", "%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n" },
        { "js-only", "%PDF-1.4\n1 0 obj << /Type /Catalog /Names << /JavaScript 3 0 R >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n" },
        { "escaped-name", "%PDF-1.4\n1 0 obj << /Type /Catalog /Open#41ction << /S /J#61vaScript /J#53 (x) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n" },
        { "additional-action", "%PDF-1.4\n1 0 obj << /Type /Page /AA << /O 2 0 R >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n" },
        { "launch", "%PDF-1.4\n1 0 obj << /S /Launch /F (cmd.exe) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n" },
    };

    [Theory]
    [MemberData(nameof(ActivePdfs))]
    public async Task A_pdf_with_active_content_is_refused_beside_the_file_field(string name, string pdf)
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        var response = await UploadAsync(admin, name + ".pdf", Encoding.ASCII.GetBytes(pdf));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"File\"[^>]*>[^<]*nội dung chủ động", html);
    }

    [Fact]
    public async Task A_pdf_hiding_javascript_in_a_compressed_object_stream_is_refused()
    {
        var admin = await AdminClient.SignedInAsync(Factory);
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.ASCII.GetBytes("<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"));
        }

        var head = Encoding.ASCII.GetBytes($"%PDF-1.5\n5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {packed.Length} >>\nstream\n");
        var tail = Encoding.ASCII.GetBytes("\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        var response = await UploadAsync(admin, "nen.pdf", [.. head, .. packed.ToArray(), .. tail]);

        Assert.Contains("nội dung chủ động", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_accepted_pdf_is_served_sandboxed()
    {
        var admin = await AdminClient.SignedInAsync(Factory);
        var upload = await UploadAsync(admin, "binh-thuong.pdf", TestFiles.Pdf());
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var list = await admin.Http.GetStringAsync("/admin/media?q=binh-thuong");
        var url = MediaUrl().Match(list).Value;

        var response = await Factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("//evil.example/x.png")]
    [InlineData("/\\evil.example/x.png")]
    [InlineData("\\\\evil.example\\x.png")]
    [InlineData("https://evil.example/x.png")]
    [InlineData("http://evil.example/x.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/ /evil.example/x.png")]
    public async Task A_featured_image_off_the_site_is_refused_beside_the_field(string image)
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        var response = await admin.PostFormAsync("/admin/news/create", "/admin/news/create", new()
        {
            ["Title"] = "Ảnh ngoài trang",
            ["Body"] = "<p>Nội dung</p>",
            ["FeaturedImage"] = image,
            ["FeaturedImageAlt"] = "Mô tả",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"FeaturedImage\"[^>]*>[^<]*không hợp lệ", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("//evil.example/x.png", false)]
    [InlineData("/\\evil.example/x.png", false)]
    [InlineData("https://evil.example/x.png", true)]
    [InlineData("/media/12/anh.png", true)]
    public void Protocol_relative_urls_are_not_safe_links(string url, bool safe) =>
        Assert.Equal(safe, HtmlSanitizer.IsSafeUrl(url));

    private static async Task<HttpResponseMessage> UploadAsync(AdminClient client, string fileName, byte[] bytes)
    {
        var token = await client.TokenAsync("/admin/media/upload");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(""), "AltText" },
            { file, "File", fileName },
        };
        return await client.Http.PostAsync("/admin/media/upload", form);
    }

    [GeneratedRegex(@"/media/\d+/[^""<\s]+")]
    private static partial Regex MediaUrl();
}
