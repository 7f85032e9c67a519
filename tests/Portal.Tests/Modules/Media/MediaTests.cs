using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Media;

/// <summary>The media library as a site's staff use it, and the files as citizens' browsers fetch them.</summary>
public sealed partial class MediaTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Factory => fixture.Factory;

    private async Task<(Tenant Site, AdminClient Admin)> SiteAsync(string name)
    {
        var site = await Factory.ProvisionAsync(name);
        await Factory.CreateSiteAdministratorAsync(site, $"qt-{name}", "Passw0rd-M!");
        return (site, await AdminClient.SignedInAsync(Factory, $"qt-{name}", "Passw0rd-M!", "/" + name));
    }

    private static async Task<HttpResponseMessage> UploadAsync(AdminClient client, string site, string fileName, byte[] bytes, string? altText = "Ảnh minh họa", string contentType = "image/png")
    {
        var token = await client.TokenAsync($"/{site}/admin/media/upload");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(altText ?? ""), "AltText" },
            { new StringContent("Chú thích"), "Caption" },
            { file, "File", fileName },
        };
        return await client.Http.PostAsync($"/{site}/admin/media/upload", form);
    }

    /// <summary>Uploads and returns the public address the library lists for the file.</summary>
    private static async Task<string> UploadedUrlAsync(AdminClient client, string site, string fileName, byte[] bytes, string altText = "Ảnh minh họa")
    {
        var response = await UploadAsync(client, site, fileName, bytes, altText);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.Http.GetStringAsync($"/{site}/admin/media?q={Uri.EscapeDataString(fileName)}");
        return PublicUrl().Match(list) is { Success: true } match ? match.Value : throw new InvalidOperationException("No media link in the list.");
    }

    [Fact]
    public async Task An_uploaded_png_is_listed_and_served_with_its_type_and_long_caching()
    {
        var (_, admin) = await SiteAsync("xa-anh");
        var png = TestFiles.Png(3, 2);

        var url = await UploadedUrlAsync(admin, "xa-anh", "Khánh thành cầu.png", png, "Lãnh đạo cắt băng khánh thành cầu");
        var list = await admin.Http.GetStringAsync("/xa-anh/admin/media?q=" + Uri.EscapeDataString("cắt băng"));
        var onlyPdfs = await admin.Http.GetStringAsync("/xa-anh/admin/media?kind=Pdf");
        var response = await Factory.CreateClient().GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var etag = response.Headers.ETag!;
        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var revalidated = await Factory.CreateClient().SendAsync(again);

        Assert.Matches(@"^/xa-anh/media/\d+/khanh-thanh-cau\.png$", url);
        Assert.Contains("Khánh thành cầu.png", list);
        Assert.Contains("3 × 2 px", list);
        Assert.DoesNotContain("Khánh thành cầu.png", onlyPdfs);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(png, bytes);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(31536000), response.Headers.CacheControl.MaxAge);
        Assert.Contains(response.Headers.CacheControl.Extensions, e => e.Name == "immutable");
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(png))}\"", etag.Tag);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Word_files_are_downloaded_not_shown_and_pdfs_are_shown()
    {
        var (_, admin) = await SiteAsync("xa-tailieu");

        var docx = await Factory.CreateClient().GetAsync(await UploadedUrlAsync(admin, "xa-tailieu", "Kế hoạch.docx", TestFiles.Docx(), ""));
        var pdf = await Factory.CreateClient().GetAsync(await UploadedUrlAsync(admin, "xa-tailieu", "to-trinh.pdf", TestFiles.Pdf(), ""));

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", docx.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Kế hoạch.docx", docx.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", pdf.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task A_disguised_file_an_oversized_image_and_an_image_without_alt_text_are_refused_beside_the_field()
    {
        var (site, admin) = await SiteAsync("xa-chan");
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
        var oversized = new byte[(10 * 1024 * 1024) + 1];
        TestFiles.Png().CopyTo(oversized, 0);

        var disguised = await (await UploadAsync(admin, "xa-chan", "anh-dep.png", html)).Content.ReadAsStringAsync();
        var renamed = await (await UploadAsync(admin, "xa-chan", "bao-cao.pdf", TestFiles.Png())).Content.ReadAsStringAsync();
        var tooBig = await (await UploadAsync(admin, "xa-chan", "anh-lon.png", oversized)).Content.ReadAsStringAsync();
        var noAlt = await (await UploadAsync(admin, "xa-chan", "anh-thieu-mo-ta.png", TestFiles.Png(), altText: "")).Content.ReadAsStringAsync();
        var list = await admin.Http.GetStringAsync("/xa-chan/admin/media");

        Assert.Matches(FieldError("File", "không phải ảnh"), disguised);
        Assert.Matches(FieldError("File", "Nội dung tệp là PNG"), renamed);
        Assert.Matches(FieldError("File", "Tệp quá lớn"), tooBig);
        Assert.Matches(FieldError("AltText", "Ảnh cần có mô tả"), noAlt);
        Assert.Contains("0 mục.", list);
        Assert.False(Directory.Exists(MediaFolder(site)) && Directory.EnumerateFiles(MediaFolder(site)).Any(), "A refused upload left a file on disk.");
    }

    [Fact]
    public async Task Another_site_cannot_fetch_or_delete_a_file_by_its_id()
    {
        var (_, owner) = await SiteAsync("xa-chu");
        var (_, other) = await SiteAsync("xa-ke");
        var url = await UploadedUrlAsync(owner, "xa-chu", "con-dau.png", TestFiles.Png());
        var id = url.Split('/')[3];

        var stolen = await Factory.CreateClient().GetAsync($"/xa-ke/media/{id}/con-dau.png");
        var unknown = await Factory.CreateClient().GetAsync("/xa-chu/media/999999/x.png");
        var deletePage = await other.Http.GetAsync($"/xa-ke/admin/media/{id}/delete");
        var delete = await other.PostFormAsync("/xa-ke/admin/media/upload", $"/xa-ke/admin/media/{id}/delete", []);
        var stillThere = await Factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletePage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Delete_asks_for_confirmation_then_removes_the_row_and_the_file()
    {
        var (site, admin) = await SiteAsync("xa-xoa");
        var url = await UploadedUrlAsync(admin, "xa-xoa", "anh-cu.png", TestFiles.Png());
        var id = url.Split('/')[3];
        var onDisk = Directory.EnumerateFiles(MediaFolder(site)).Single();

        var confirm = await admin.Http.GetStringAsync($"/xa-xoa/admin/media/{id}/delete");
        var fileStillThereAfterAsking = File.Exists(onDisk);
        var deleted = await admin.PostFormAsync($"/xa-xoa/admin/media/{id}/delete", $"/xa-xoa/admin/media/{id}/delete", []);
        var gone = await Factory.CreateClient().GetAsync(url);

        Assert.Contains("anh-cu.png", confirm);
        Assert.Contains("không thể hoàn tác", confirm);
        Assert.True(fileStillThereAfterAsking);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(File.Exists(onDisk));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Matches(@"^[0-9a-f]{32}\.png$", Path.GetFileName(onDisk)); // a random name, never the uploader's
    }

    [Fact]
    public async Task A_reporter_uploads_photos_and_video_links_are_checked()
    {
        var (_, admin) = await SiteAsync("xa-pv");
        await admin.PostFormAsync("/xa-pv/admin/users/add", "/xa-pv/admin/users/add", new() { ["UserName"] = "pv-xa-pv", ["Password"] = "Passw0rd-B!", ["Role"] = "Reporter" });
        var reporter = await AdminClient.SignedInAsync(Factory, "pv-xa-pv", "Passw0rd-B!", "/xa-pv");

        var menu = await reporter.Http.GetStringAsync("/xa-pv/admin");
        var upload = await UploadAsync(reporter, "xa-pv", "hien-truong.png", TestFiles.Png());
        var badVideo = await reporter.PostFormAsync("/xa-pv/admin/media/video", "/xa-pv/admin/media/video", new() { ["VideoUrl"] = "javascript:alert(1)", ["Title"] = "Phóng sự" });
        var goodVideo = await reporter.PostFormAsync("/xa-pv/admin/media/video", "/xa-pv/admin/media/video", new() { ["VideoUrl"] = "https://youtu.be/dQw4w9WgXcQ", ["Title"] = "Phóng sự ngày hội" });
        var videos = await reporter.Http.GetStringAsync("/xa-pv/admin/media?kind=VideoLink");

        Assert.Contains("Thư viện ảnh, tệp", menu);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Matches(FieldError("VideoUrl", "không hợp lệ"), await badVideo.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, goodVideo.StatusCode);
        Assert.Contains("Phóng sự ngày hội", videos);
        Assert.DoesNotContain("hien-truong.png", videos);
    }

    [Fact]
    public async Task The_library_pages_by_twenty()
    {
        var (_, admin) = await SiteAsync("xa-nhieu");
        for (var i = 1; i <= 21; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, "xa-nhieu", $"van-ban-{i}.pdf", TestFiles.Pdf(), "", "application/pdf")).StatusCode);
        }

        var first = await admin.Http.GetStringAsync("/xa-nhieu/admin/media");
        var second = await admin.Http.GetStringAsync("/xa-nhieu/admin/media?page=2");

        Assert.Contains("21 mục.", first);
        Assert.Contains("Trang 1 / 2", first);
        Assert.Equal(20, DeleteLink().Count(first));
        Assert.Equal(1, DeleteLink().Count(second));
        Assert.Contains("van-ban-1.pdf", second); // newest first: the first upload is on the last page
    }

    private string MediaFolder(Tenant site) => Path.Combine(Factory.Database.DataPath, "media", site.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The message sits in the validation span of that field, not only somewhere on the page.</summary>
    private static Regex FieldError(string field, string text) =>
        new($"data-valmsg-for=\"{field}\"[^>]*>[^<]*{Regex.Escape(text)}", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"/admin/media/\d+/delete")]
    private static partial Regex DeleteLink();

    [GeneratedRegex(@"/[a-z0-9-]+/media/\d+/[a-z0-9.-]+")]
    private static partial Regex PublicUrl();
}
