using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Core.Text;

/// <summary>URL slugs from Vietnamese titles: "Giới thiệu chung" → "gioi-thieu-chung".</summary>
public static partial class Slugs
{
    public const int MaxLength = 200;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidSlug();

    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= MaxLength } && ValidSlug().IsMatch(slug);

    /// <summary>Folds diacritics (đ/Đ included, which Unicode does not decompose) and joins words with hyphens.</summary>
    public static string FromTitle(string title)
    {
        var decomposed = title.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (folded is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(folded);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString();
        return slug.Length <= MaxLength ? slug : slug[..MaxLength].TrimEnd('-');
    }
}
