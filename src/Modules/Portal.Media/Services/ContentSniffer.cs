using System.IO.Compression;

namespace Portal.Media.Services;

/// <summary>
/// Recognises a file by its first bytes ("magic numbers"), the way the file's own reader would,
/// so an HTML page or a script renamed .jpg is not mistaken for a picture. Anything not
/// positively recognised (SVG and HTML included: both can carry script) is refused.
/// </summary>
internal static class ContentSniffer
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The format of a seekable stream's content, or null; the stream is left at its start.</summary>
    public static MediaFormat? Detect(Stream content)
    {
        var header = new byte[16];
        content.Position = 0;
        var read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        content.Position = 0;
        ReadOnlySpan<byte> head = header.AsSpan(0, read);

        var format =
            head.StartsWith(PngSignature) ? MediaFormat.Png
            : head.StartsWith(JpegSignature) ? MediaFormat.Jpeg
            : head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8) ? MediaFormat.Gif
            : head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? MediaFormat.WebP
            : head.StartsWith("%PDF-"u8) ? MediaFormat.Pdf
            : head.StartsWith(OleSignature) ? MediaFormat.Doc
            : head.StartsWith(ZipSignature) && IsWordProcessingPackage(content) ? MediaFormat.Docx
            : null;
        content.Position = 0;
        return format;
    }

    /// <summary>
    /// A ZIP is a Word document only when it holds the OPC content-types part and the main
    /// document part; an ordinary archive (or an .xlsx, or a .jar) is not. Only the central
    /// directory is read, nothing is decompressed, so a ZIP bomb costs nothing here.
    /// </summary>
    private static bool IsWordProcessingPackage(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            return names.Contains("[Content_Types].xml") && names.Contains("word/document.xml");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
