using Portal.Core.Contents;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>Field-by-field differences between two versions, under the labels editors know (also given to the shared Contents admin).</summary>
internal static class LegalDocumentDiff
{
    public static readonly IReadOnlyList<(string Field, string Label)> Labels =
    [
        ("number", "Số/ký hiệu"), ("type", "Loại văn bản"), ("issuingAuthority", "Cơ quan ban hành"), ("field", "Lĩnh vực"),
        ("signer", "Người ký"), ("signerPosition", "Chức vụ người ký"), ("issuedOn", "Ngày ban hành"), ("effectiveOn", "Ngày hiệu lực"),
        ("expiresOn", "Ngày hết hiệu lực"), ("summary", "Trích yếu"), ("kind", "Loại hình"), ("files", "Tệp đính kèm"),
        ("replaces", "Thay thế văn bản"), ("amends", "Sửa đổi, bổ sung văn bản"), ("guides", "Hướng dẫn văn bản"),
    ];

    public static IReadOnlyList<(string Field, string Before, string After)> Between(ContentItem from, ContentItem to)
    {
        var a = Values(LegalDocumentData.Read(from.Data));
        var b = Values(LegalDocumentData.Read(to.Data));
        return [.. Labels.Select(l => (l.Label, a[l.Field], b[l.Field])).Where(p => p.Item2 != p.Item3)];
    }

    private static Dictionary<string, string> Values(LegalDocumentFields f) => new()
    {
        ["number"] = f.Number,
        ["type"] = f.DocumentType,
        ["issuingAuthority"] = f.IssuingAuthority,
        ["field"] = f.Field,
        ["signer"] = f.Signer,
        ["signerPosition"] = f.SignerPosition,
        ["issuedOn"] = f.IssuedOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["effectiveOn"] = f.EffectiveOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["expiresOn"] = f.ExpiresOn?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["summary"] = f.Summary,
        ["kind"] = LegalDocumentKinds.KindText(f.Kind),
        ["files"] = string.Join("; ", f.Files),
        ["replaces"] = string.Join("; ", f.Replaces),
        ["amends"] = string.Join("; ", f.Amends),
        ["guides"] = string.Join("; ", f.Guides),
    };
}
