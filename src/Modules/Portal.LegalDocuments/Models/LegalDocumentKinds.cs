namespace Portal.LegalDocuments.Models;

/// <summary>The fixed vocabularies of a legal document: kinds, types and relation kinds.</summary>
public static class LegalDocumentKinds
{
    public const string Normative = "normative";

    public const string Direction = "direction";

    public static readonly IReadOnlyList<string> Kinds = [Normative, Direction];

    public static string KindText(string kind) => kind == Direction ? "Chỉ đạo điều hành" : "Văn bản quy phạm pháp luật";

    /// <summary>
    /// The document types a portal publishes (Law 80/2015 on legal normative documents and Decree
    /// 30/2020 on administrative documents). A fixed list: an unknown type is a typo, not a new type.
    /// </summary>
    public static readonly IReadOnlyList<string> Types =
    [
        "Hiến pháp", "Luật", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư",
        "Thông tư liên tịch", "Công văn", "Kế hoạch", "Thông báo", "Hướng dẫn", "Báo cáo", "Tờ trình",
        "Chương trình", "Đề án", "Phương án", "Công điện", "Quy chế", "Quy định",
    ];

    /// <summary>The canonical spelling of a type, matched without regard to case; null when unknown.</summary>
    public static string? NormalizeType(string? type) =>
        Types.FirstOrDefault(t => string.Equals(t, type?.Trim().Normalize(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>How one document acts on another, named from the acting document's side.</summary>
public static class RelationKinds
{
    public const string Replaces = "replaces";

    public const string Amends = "amends";

    public const string Guides = "guides";

    public static string Outgoing(string kind) => kind switch
    {
        Replaces => "Thay thế văn bản",
        Amends => "Sửa đổi, bổ sung văn bản",
        _ => "Hướng dẫn văn bản",
    };

    /// <summary>The same relation seen from the target: "bị thay thế bởi".</summary>
    public static string Incoming(string kind) => kind switch
    {
        Replaces => "Bị thay thế bởi",
        Amends => "Được sửa đổi, bổ sung bởi",
        _ => "Được hướng dẫn bởi",
    };
}
