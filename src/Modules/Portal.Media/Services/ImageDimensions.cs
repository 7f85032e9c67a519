using System.Buffers.Binary;

namespace Portal.Media.Services;

/// <summary>
/// Width and height read from an image's own header (no imaging library is available here, and
/// decoding pixels to learn two numbers would be wasteful). Null when the header is damaged: such
/// a file is refused, since a browser could not show it either.
/// </summary>
internal static class ImageDimensions
{
    /// <summary>Past this many bytes of JPEG segments without a frame header, the file is treated as damaged.</summary>
    private const int JpegScanLimit = 1024 * 1024;

    public static (int Width, int Height)? Read(Stream content, MediaFormat format)
    {
        content.Position = 0;
        try
        {
            return format == MediaFormat.Png ? Png(content)
                : format == MediaFormat.Gif ? Gif(content)
                : format == MediaFormat.WebP ? WebP(content)
                : format == MediaFormat.Jpeg ? Jpeg(content)
                : null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    // The IHDR chunk must come first: its width and height are big-endian at bytes 16 and 20.
    private static (int, int)? Png(Stream content)
    {
        var header = ReadBytes(content, 24);
        if (header is null || !header.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        return Positive(BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }

    // The logical screen descriptor follows the 6-byte signature, little-endian.
    private static (int, int)? Gif(Stream content)
    {
        var header = ReadBytes(content, 10);
        return header is null ? null
            : Positive(BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(6)), BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8)));
    }

    // RIFF container; the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended), each
    // storing the size its own way.
    private static (int, int)? WebP(Stream content)
    {
        var header = ReadBytes(content, 30);
        if (header is null)
        {
            return null;
        }

        var chunk = header.AsSpan(12, 4);
        var data = header.AsSpan(20);
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // 3-byte frame tag, then the key frame start code 9D 01 2A, then 14-bit sizes.
            return data[3] == 0x9D && data[4] == 0x01 && data[5] == 0x2A
                ? Positive(BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF)
                : null;
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Signature byte 0x2F, then width-1 and height-1 packed as two 14-bit fields.
            if (data[0] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            return Positive((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // 4 bytes of flags, then canvas width-1 and height-1 as 24-bit little-endian numbers.
            return Positive(UInt24(data[4..]) + 1, UInt24(data[7..]) + 1);
        }

        return null;
    }

    // Walk the marker segments until a start-of-frame (SOFn) segment, which holds the size.
    private static (int, int)? Jpeg(Stream content)
    {
        content.Position = 2;
        var segment = new byte[7];
        while (content.Position < JpegScanLimit)
        {
            var prefix = content.ReadByte();
            if (prefix != 0xFF)
            {
                return null;
            }

            var marker = content.ReadByte();
            while (marker == 0xFF)
            {
                marker = content.ReadByte(); // fill bytes
            }

            if (marker < 0 || marker == 0xD9 || marker == 0xDA)
            {
                return null; // end of image or start of scan before any frame header
            }

            if (marker is (>= 0xD0 and <= 0xD7) or 0x01)
            {
                continue; // markers without a length
            }

            if (content.ReadAtLeast(segment.AsSpan(0, 2), 2, throwOnEndOfStream: false) < 2)
            {
                return null;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(segment);
            if (length < 2)
            {
                return null;
            }

            // C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding) share the SOF range but are not frames.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (content.ReadAtLeast(segment.AsSpan(0, 5), 5, throwOnEndOfStream: false) < 5)
                {
                    return null;
                }

                return Positive(BinaryPrimitives.ReadUInt16BigEndian(segment.AsSpan(3)), BinaryPrimitives.ReadUInt16BigEndian(segment.AsSpan(1)));
            }

            content.Seek(length - 2, SeekOrigin.Current);
        }

        return null;
    }

    private static byte[]? ReadBytes(Stream content, int count)
    {
        var buffer = new byte[count];
        return content.ReadAtLeast(buffer, count, throwOnEndOfStream: false) == count ? buffer : null;
    }

    private static int UInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);

    private static (int, int)? Positive(int width, int height) => width > 0 && height > 0 ? (width, height) : null;
}
