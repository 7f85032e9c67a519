namespace Portal.Procedures.Services;

/// <summary>
/// The editors' words for the stored JSON fields, in the order a diff shows them. Given to the
/// shared Contents admin (ContentTypeDefinition.FieldLabels), which shows history, diffs and
/// restores for procedures as for every other type.
/// </summary>
internal static class ProcedureFieldLabels
{
    public static readonly IReadOnlyList<(string Field, string Label)> All =
    [
        ("code", "Mã thủ tục"),
        ("field", "Lĩnh vực"),
        ("level", "Cấp thực hiện"),
        ("agency", "Cơ quan thực hiện"),
        ("steps", "Trình tự thực hiện"),
        ("channels", "Cách thức thực hiện"),
        ("documents", "Thành phần hồ sơ"),
        ("processingTime", "Thời hạn giải quyết"),
        ("fees", "Phí, lệ phí"),
        ("applicants", "Đối tượng thực hiện"),
        ("result", "Kết quả thực hiện"),
        ("legalBasis", "Căn cứ pháp lý"),
        ("forms", "Mẫu đơn, tờ khai"),
        ("onlineLevel", "Mức dịch vụ công trực tuyến"),
        ("nationalPortalUrl", "Cổng Dịch vụ công quốc gia"),
    ];
}
