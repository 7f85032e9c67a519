namespace Portal.LegalDocuments.Services;

/// <summary>The fields under the labels editors know, in the order the shared Contents admin shows a diff.</summary>
internal static class LegalDocumentFieldLabels
{
    public static readonly IReadOnlyList<(string Field, string Label)> All =
    [
        ("number", "Số/ký hiệu"), ("type", "Loại văn bản"), ("issuingAuthority", "Cơ quan ban hành"), ("field", "Lĩnh vực"),
        ("signer", "Người ký"), ("signerPosition", "Chức vụ người ký"), ("issuedOn", "Ngày ban hành"), ("effectiveOn", "Ngày hiệu lực"),
        ("expiresOn", "Ngày hết hiệu lực"), ("summary", "Trích yếu"), ("kind", "Loại hình"), ("files", "Tệp đính kèm"),
        ("replaces", "Thay thế văn bản"), ("amends", "Sửa đổi, bổ sung văn bản"), ("guides", "Hướng dẫn văn bản"),
    ];
}
