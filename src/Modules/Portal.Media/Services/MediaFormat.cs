using Portal.Media.Models;

namespace Portal.Media.Services;

/// <summary>A file format the library accepts: what its bytes look like decides it, its extension must merely agree.</summary>
internal sealed record MediaFormat(string Name, MediaKind Kind, string ContentType, string Extension, params string[] OtherExtensions)
{
    public static readonly MediaFormat Png = new("PNG", MediaKind.Image, "image/png", ".png");
    public static readonly MediaFormat Jpeg = new("JPEG", MediaKind.Image, "image/jpeg", ".jpg", ".jpeg", ".jpe", ".jfif");
    public static readonly MediaFormat Gif = new("GIF", MediaKind.Image, "image/gif", ".gif");
    public static readonly MediaFormat WebP = new("WebP", MediaKind.Image, "image/webp", ".webp");
    public static readonly MediaFormat Pdf = new("PDF", MediaKind.Pdf, "application/pdf", ".pdf");
    public static readonly MediaFormat Docx = new("DOCX", MediaKind.Word, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly MediaFormat Doc = new("DOC", MediaKind.Word, "application/msword", ".doc");

    /// <summary>Images are shown in pages; documents are downloaded: they get different size limits.</summary>
    public long MaxBytes => Kind == MediaKind.Image ? MediaLimits.ImageMaxBytes : MediaLimits.DocumentMaxBytes;

    public bool AcceptsExtension(string extension) =>
        string.Equals(extension, Extension, StringComparison.OrdinalIgnoreCase)
        || OtherExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
}

internal static class MediaLimits
{
    public const long ImageMaxBytes = 10L * 1024 * 1024;

    public const long DocumentMaxBytes = 30L * 1024 * 1024;

    /// <summary>What the upload action lets through: the largest file plus room for the multipart envelope and the form fields.</summary>
    public const long RequestMaxBytes = DocumentMaxBytes + (1L * 1024 * 1024);
}
