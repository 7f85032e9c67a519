using System.Text;
using Portal.Core.Text;

namespace Portal.Core.Search;

/// <summary>
/// The three text steps search applies to Vietnamese (docs/architecture.md, "Search: Vietnamese text"):
/// NFC first (editors paste decomposed text from Word and PDFs, and Lucene's ASCII folding ignores
/// combining marks), then invariant lower-casing for the exact field, then <see cref="TextFolding.Fold"/>
/// for the folded field — the kernel's one folding rule, not a second one.
/// </summary>
public static class VietnameseText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>NFC, then lower case with the invariant culture (never the server's culture).</summary>
    public static string Lower(string? text) => Normalize(text).ToLowerInvariant();

    /// <summary>Diacritics removed, đ/Đ → d, lower case, runs of white space made one space.</summary>
    public static string Fold(string? text) => TextFolding.Fold(text);

    /// <summary>True when folding changes more than the case: the text carries Vietnamese marks or đ.</summary>
    public static bool HasDiacritics(string? text) => Fold(text) != CollapseSpaces(Lower(text));

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
