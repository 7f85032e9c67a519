using System.Text;
using Portal.Media.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Media;

/// <summary>The content checks of the media library, without a host.</summary>
[Trait("Category", "Fast")]
public sealed class MediaSniffingTests
{
    private static (AcceptedUpload? Upload, string? Error) Check(string name, byte[] bytes) =>
        UploadCheck.Check(name, bytes.Length, new MemoryStream(bytes));

    [Fact]
    public void Each_accepted_format_is_recognised_by_its_bytes_with_image_sizes()
    {
        Assert.Equal("PNG 3x2", Describe(Check("a.png", TestFiles.Png())));
        Assert.Equal("JPEG 640x480", Describe(Check("a.JPG", TestFiles.Jpeg(640, 480))));
        Assert.Equal("GIF 300x200", Describe(Check("a.gif", TestFiles.Gif(300, 200))));
        Assert.Equal("WebP 1024x768", Describe(Check("a.webp", TestFiles.WebPLossless(1024, 768))));
        Assert.Equal(MediaFormat.Pdf, Check("a.pdf", TestFiles.Pdf()).Upload?.Format);
        Assert.Equal(MediaFormat.Docx, Check("a.docx", TestFiles.Docx()).Upload?.Format);
        Assert.Equal(MediaFormat.Doc, Check("a.doc", TestFiles.LegacyDoc()).Upload?.Format);
    }

    [Theory]
    [InlineData("anh.png", "<html><body><script>alert(1)</script></body></html>")]
    [InlineData("bieu-tuong.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("shell.jpg", "<?php system($_GET['c']); ?>")]
    [InlineData("ghi-chu.txt", "Chỉ là văn bản")]
    public void Anything_else_is_refused_whatever_its_name(string name, string content)
    {
        var (upload, error) = Check(name, Encoding.UTF8.GetBytes(content));

        Assert.Null(upload);
        Assert.Contains("không phải ảnh", error);
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_refused_and_a_mismatched_extension_is_named()
    {
        Assert.Null(Check("bang-tinh.docx", TestFiles.Docx(withDocumentPart: false)).Upload);
        var (upload, error) = Check("to-trinh.pdf", TestFiles.Png());

        Assert.Null(upload);
        Assert.Contains("Nội dung tệp là PNG", error);
        Assert.Contains(".pdf", error);
    }

    [Fact]
    public void Size_limits_depend_on_the_kind_and_damaged_images_are_refused()
    {
        var png = TestFiles.Png();
        var tooBigImage = UploadCheck.Check("a.png", MediaLimits.ImageMaxBytes + 1, new MemoryStream(png));
        var bigPdfIsFine = UploadCheck.Check("a.pdf", MediaLimits.ImageMaxBytes + 1, new MemoryStream(TestFiles.Pdf()));
        var damaged = Check("a.png", png[..20]);

        Assert.Contains("ảnh tối đa 10 MB", tooBigImage.Error);
        Assert.NotNull(bigPdfIsFine.Upload);
        Assert.Contains("bị hỏng", damaged.Error);
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("http://youtu.be/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", "https://vimeo.com/76979871")]
    [InlineData("https://truyenhinh.anhoa.gov.vn/video/123", "https://truyenhinh.anhoa.gov.vn/video/123")]
    public void Video_links_to_known_hosts_or_https_are_accepted(string input, string stored) =>
        Assert.Equal(stored, VideoLinks.Check(input).Url);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://truyenhinh.anhoa.gov.vn/video/123")]
    [InlineData("https://www.youtube.com/")]
    [InlineData("https://user:pass@vimeo.com/1")]
    [InlineData("")]
    public void Other_video_links_are_refused(string input) =>
        Assert.NotNull(VideoLinks.Check(input).Error);

    private static string Describe((AcceptedUpload? Upload, string? Error) result) =>
        result.Upload is { } upload ? $"{upload.Format.Name} {upload.Width}x{upload.Height}" : "refused: " + result.Error;
}
