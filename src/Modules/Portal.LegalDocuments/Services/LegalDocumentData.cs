using Portal.Core.Contents;
using Portal.Core.Text;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>The content item's JSON data of a legal document, and the keys derived from it.</summary>
internal static class LegalDocumentData
{
    public const string ContentType = "legal-document";

    public const string FeatureId = "Portal.LegalDocuments";

    public static LegalDocumentFields Read(string data) => ContentFields.Read<LegalDocumentFields>(data);

    public static string Write(LegalDocumentFields fields) => ContentFields.Write(fields);

    /// <summary>"Quyết định số 12/QĐ-UBND: Về việc ..." — what lists, links and the shared admin show.</summary>
    public static string Title(LegalDocumentFields fields)
    {
        var title = $"{fields.DocumentType} số {fields.Number}: {fields.Summary}";
        return title.Length <= 500 ? title : title[..497] + "...";
    }

    /// <summary>The uniqueness key: number and authority, folded, so "nđ-cp" and "NĐ-CP" are one document.</summary>
    public static (string Number, string Authority) Key(string number, string authority) =>
        (TextFolding.Fold(number).Replace(" ", "", StringComparison.Ordinal), TextFolding.Fold(authority));

    /// <summary>
    /// Addresses to try, best first: the number ("42-2022-nd-cp"), with the year when the number has
    /// none (administrative numbers restart every year: 12/QĐ-UBND exists in 2025 and in 2026), then
    /// with the authority too (two authorities may use one number).
    /// </summary>
    public static IEnumerable<string> SlugCandidates(LegalDocumentFields fields)
    {
        var year = fields.IssuedOn?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var number = Slugs.FromTitle(fields.Number);
        var withYear = number.Contains(year, StringComparison.Ordinal) ? number : $"{number}-{year}".Trim('-');
        var first = withYear.Length > 0 ? Cut(withYear) : "van-ban";
        yield return first;
        yield return Cut(Slugs.FromTitle($"{withYear} {fields.IssuingAuthority}"));

        // Both taken (the same number from two authorities with long names): numbered addresses.
        for (var n = 2; n <= 50; n++)
        {
            yield return $"{Cut(first, Slugs.MaxLength - 3)}-{n}";
        }

        static string Cut(string slug, int length = Slugs.MaxLength) => slug.Length <= length ? slug : slug[..length].TrimEnd('-');
    }
}
