using System.IO.Compression;
using System.Text;

namespace Portal.Media.Services;

/// <summary>
/// Finds active content in a PDF: JavaScript (<c>/JS</c>, <c>/JavaScript</c>), actions that run
/// when the file opens or a page or field is used (<c>/OpenAction</c>, <c>/AA</c>) and launching
/// programs (<c>/Launch</c>). Names are compared after decoding their <c>#xx</c> escapes
/// (<c>/J#53</c> is <c>/JS</c>), and the Flate-compressed streams (object streams hide
/// dictionaries there) are inflated and read too, within a budget.
/// </summary>
internal static class PdfActiveContent
{
    private static readonly HashSet<string> ActiveNames = new(StringComparer.Ordinal) { "JS", "JavaScript", "OpenAction", "AA", "Launch" };

    /// <summary>Most bytes inflated from one file; a PDF that inflates further is refused as unreadable (a zip bomb).</summary>
    private const long InflateBudget = 200L * 1024 * 1024;

    /// <summary>The first active name found (such as <c>OpenAction</c>), or null for a passive PDF.</summary>
    public static string? Find(Stream content)
    {
        content.Position = 0;
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        content.Position = 0;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        if (FindName(bytes) is { } found)
        {
            return found;
        }

        long budget = InflateBudget;
        foreach (var stream in CompressedStreams(buffer.GetBuffer(), (int)buffer.Length))
        {
            var inflated = Inflate(stream, ref budget);
            if (inflated is null)
            {
                return budget <= 0 ? "FlateDecode" : null;
            }

            if (FindName(inflated) is { } hidden)
            {
                return hidden;
            }
        }

        return null;
    }

    private static string? FindName(ReadOnlySpan<byte> bytes)
    {
        var name = new StringBuilder();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'/')
            {
                continue;
            }

            name.Clear();
            var j = i + 1;
            while (j < bytes.Length && IsNameChar(bytes[j]) && name.Length < 32)
            {
                if (bytes[j] == (byte)'#' && j + 2 < bytes.Length && IsHex(bytes[j + 1]) && IsHex(bytes[j + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(bytes.Slice(j + 1, 2)), 16));
                    j += 3;
                }
                else
                {
                    name.Append((char)bytes[j]);
                    j++;
                }
            }

            if (ActiveNames.Contains(name.ToString()))
            {
                return name.ToString();
            }

            i = j - 1;
        }

        return null;
    }

    /// <summary>The raw data of each stream whose dictionary names FlateDecode.</summary>
    private static IEnumerable<ArraySegment<byte>> CompressedStreams(byte[] bytes, int length)
    {
        var start = 0;
        while (true)
        {
            var keyword = IndexOf(bytes, length, "stream"u8, start);
            if (keyword < 0)
            {
                yield break;
            }

            var dictionaryStart = Math.Max(0, keyword - 1024);
            var dictionary = Encoding.Latin1.GetString(bytes, dictionaryStart, keyword - dictionaryStart);
            var dataStart = keyword + 6;
            if (dataStart < length && bytes[dataStart] == '\r')
            {
                dataStart++;
            }

            if (dataStart < length && bytes[dataStart] == '\n')
            {
                dataStart++;
            }

            var end = IndexOf(bytes, length, "endstream"u8, dataStart);
            if (end < 0)
            {
                yield break;
            }

            // The stream's dictionary: from its object's header ("12 0 obj") to the keyword.
            var header = dictionary.LastIndexOf("obj", StringComparison.Ordinal);
            if (dictionary[Math.Max(0, header)..].Contains("FlateDecode", StringComparison.Ordinal))
            {
                yield return new ArraySegment<byte>(bytes, dataStart, end - dataStart);
            }

            start = end + 9;
        }
    }

    private static byte[]? Inflate(ArraySegment<byte> data, ref long budget)
    {
        try
        {
            using var input = new MemoryStream(data.Array!, data.Offset, data.Count);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = zlib.Read(chunk, 0, chunk.Length)) > 0)
            {
                budget -= read;
                if (budget <= 0)
                {
                    return null;
                }

                output.Write(chunk, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            // A stream that does not inflate is not read by viewers either.
            return [];
        }
    }

    private static int IndexOf(byte[] bytes, int length, ReadOnlySpan<byte> value, int start) =>
        start >= length ? -1 : bytes.AsSpan(start, length - start).IndexOf(value) is var i and >= 0 ? start + i : -1;

    private static bool IsNameChar(byte b) =>
        b > 32 && b < 127 && b is not ((byte)'/' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'%');

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
}
