using System.Text;

namespace Portal.Core.Text;

/// <summary>
/// An uploaded file read as text (CSV or JSON imports): strict UTF-8, the byte-order mark dropped,
/// and no NUL or control characters other than line breaks and tabs, which is how a picture, a
/// spreadsheet saved as .xlsx or a legacy-encoded file is told apart from a CSV.
/// </summary>
public static class UploadedText
{
    public static bool TryDecode(byte[] content, out string text)
    {
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }

        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            text = "";
            return false;
        }

        return true;
    }
}
