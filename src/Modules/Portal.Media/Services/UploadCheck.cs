using System.Globalization;

namespace Portal.Media.Services;

/// <summary>An upload the checks let through: its real format and, for images, its size in pixels.</summary>
internal sealed record AcceptedUpload(MediaFormat Format, int? Width, int? Height);

/// <summary>
/// Decides whether an uploaded file may enter the library. The content decides the format; the
/// name's extension must agree with it, because browsers and desktop programs trust extensions
/// and a mismatch is how a disguised file (an HTML page named .jpg) slips past people.
/// </summary>
internal static class UploadCheck
{
    public static (AcceptedUpload? Upload, string? Error) Check(string fileName, long length, Stream content)
    {
        if (length <= 0)
        {
            return (null, "Tệp rỗng hoặc chưa được chọn.");
        }

        // Before reading anything: nothing larger than the largest allowed document is worth sniffing.
        if (length > MediaLimits.DocumentMaxBytes)
        {
            return (null, $"Tệp quá lớn ({Megabytes(length)} MB): tài liệu tối đa {Megabytes(MediaLimits.DocumentMaxBytes)} MB, ảnh tối đa {Megabytes(MediaLimits.ImageMaxBytes)} MB.");
        }

        var format = ContentSniffer.Detect(content);
        if (format is null)
        {
            return (null, "Nội dung tệp không phải ảnh (PNG, JPEG, GIF, WebP), PDF hay Word (DOC, DOCX) nên không được nhận. Hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp; ảnh SVG và trang HTML cũng không được nhận.");
        }

        var extension = Path.GetExtension(fileName);
        if (!format.AcceptsExtension(extension))
        {
            var shown = extension.Length == 0 ? "không có phần mở rộng" : $"có phần mở rộng \"{extension}\"";
            return (null, $"Nội dung tệp là {format.Name} nhưng tên tệp {shown}. Hãy kiểm tra lại tệp (tệp {format.Name} có đuôi \"{format.Extension}\").");
        }

        if (length > format.MaxBytes)
        {
            var what = format.Kind == Models.MediaKind.Image ? "ảnh" : "tài liệu";
            return (null, $"Tệp quá lớn ({Megabytes(length)} MB): {what} tối đa {Megabytes(format.MaxBytes)} MB.");
        }

        if (format.Kind == Models.MediaKind.Pdf && PdfActiveContent.Find(content) is { } active)
        {
            return (null, $"Tệp PDF có nội dung chủ động (/{active}: mã JavaScript hoặc hành động tự chạy) nên không được nhận. Hãy xuất lại tệp PDF không có mã lệnh.");
        }

        if (format.Kind != Models.MediaKind.Image)
        {
            return (new AcceptedUpload(format, null, null), null);
        }

        var size = ImageDimensions.Read(content, format);
        return size is { } pixels
            ? (new AcceptedUpload(format, pixels.Width, pixels.Height), null)
            : (null, $"Tệp ảnh {format.Name} bị hỏng: không đọc được kích thước ảnh.");
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"));
}
