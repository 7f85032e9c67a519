namespace Portal.Users.Models;

/// <summary>The roles every site starts with (docs/domain.md: the editorial board and responders).</summary>
public static class RoleNames
{
    public const string Administrator = "Administrator";
    public const string Approver = "Approver";
    public const string Editor = "Editor";
    public const string Reporter = "Reporter";
    public const string Responder = "Responder";

    public static readonly IReadOnlyDictionary<string, string> Standard = new Dictionary<string, string>
    {
        [Administrator] = "Quản trị: toàn quyền trên trang",
        [Approver] = "Trưởng ban biên tập: duyệt và xuất bản",
        [Editor] = "Biên tập viên",
        [Reporter] = "Phóng viên, cộng tác viên",
        [Responder] = "Cán bộ trả lời hỏi đáp",
    };
}
