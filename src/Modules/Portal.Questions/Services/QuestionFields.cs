namespace Portal.Questions.Services;

/// <summary>
/// The fields (lĩnh vực) a question is filed under: the groups the country's portals use for their
/// Q&A pages. A slug is stored; the label is what people read.
/// </summary>
internal static class QuestionFields
{
    public static readonly IReadOnlyList<(string Slug, string Label)> All =
    [
        ("dat-dai", "Đất đai"),
        ("xay-dung", "Xây dựng, nhà ở"),
        ("giao-thong", "Giao thông vận tải"),
        ("giao-duc", "Giáo dục, đào tạo"),
        ("y-te", "Y tế"),
        ("lao-dong", "Lao động, việc làm"),
        ("bao-hiem", "Bảo hiểm xã hội, bảo hiểm y tế"),
        ("thue-phi", "Thuế, phí, lệ phí"),
        ("doanh-nghiep", "Doanh nghiệp, đầu tư"),
        ("tu-phap", "Tư pháp, hộ tịch"),
        ("moi-truong", "Tài nguyên, môi trường"),
        ("nong-nghiep", "Nông nghiệp, nông thôn"),
        ("chinh-sach-xa-hoi", "Chính sách xã hội"),
        ("khac", "Lĩnh vực khác"),
    ];

    private static readonly Dictionary<string, string> Labels = All.ToDictionary(f => f.Slug, f => f.Label, StringComparer.Ordinal);

    public static bool IsKnown(string? slug) => slug is not null && Labels.ContainsKey(slug);

    public static string Label(string? slug) => slug is not null && Labels.TryGetValue(slug, out var label) ? label : slug ?? "";
}
