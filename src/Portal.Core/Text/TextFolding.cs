using System.Globalization;
using System.Text;

namespace Portal.Core.Text;

/// <summary>
/// Vietnamese search folding (docs/domain.md, "Language"): "Quảng Ninh", "quang ninh" and "QUẢNG NINH"
/// all fold to "quang ninh", and "đường" to "duong". Store a folded copy of searchable text in a
/// column and compare folded with folded; rank exact-diacritics matches first where it matters,
/// because folding makes dương/đường/đương collide.
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
