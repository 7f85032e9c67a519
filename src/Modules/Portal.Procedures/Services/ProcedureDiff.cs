using Portal.Core.Contents;
using Portal.Procedures.Models;

namespace Portal.Procedures.Services;

/// <summary>Field-by-field differences between two versions of a procedure, in the editors' words.</summary>
internal static class ProcedureDiff
{
    /// <summary>Labels of the stored JSON fields, in the order a diff shows them (also given to the shared Contents admin).</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> Labels =
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

    public static IReadOnlyList<(string Field, string Before, string After)> Between(ContentItem from, ContentItem to)
    {
        var a = ProcedureJson.Read(from.Data);
        var b = ProcedureJson.Read(to.Data);
        var pairs = new (string, string, string)[]
        {
            ("Tên thủ tục", from.Title, to.Title),
            ("Đường dẫn", from.Slug, to.Slug),
            ("Mã thủ tục", a.Code, b.Code),
            ("Lĩnh vực", a.Field, b.Field),
            ("Cấp thực hiện", ProcedureText.Level(a.Level), ProcedureText.Level(b.Level)),
            ("Cơ quan thực hiện", a.Agency, b.Agency),
            ("Trình tự thực hiện", Lines(a.Steps), Lines(b.Steps)),
            ("Cách thức thực hiện", string.Join(", ", a.Channels.Select(ProcedureText.Channel)), string.Join(", ", b.Channels.Select(ProcedureText.Channel))),
            ("Thành phần hồ sơ", Lines(a.Documents.Select(Document)), Lines(b.Documents.Select(Document))),
            ("Thời hạn giải quyết", a.ProcessingTime, b.ProcessingTime),
            ("Phí, lệ phí", a.Fees, b.Fees),
            ("Đối tượng thực hiện", a.Applicants, b.Applicants),
            ("Kết quả thực hiện", a.Result, b.Result),
            ("Căn cứ pháp lý", Lines(a.LegalBasis), Lines(b.LegalBasis)),
            ("Mẫu đơn, tờ khai", Lines(a.Forms.Select(f => $"{f.Title} ({f.Url})")), Lines(b.Forms.Select(f => $"{f.Title} ({f.Url})"))),
            ("Mức dịch vụ công trực tuyến", ProcedureText.OnlineShort(a.OnlineLevel), ProcedureText.OnlineShort(b.OnlineLevel)),
            ("Cổng Dịch vụ công quốc gia", a.NationalPortalUrl, b.NationalPortalUrl),
        };
        return [.. pairs.Where(p => p.Item2 != p.Item3)];
    }

    private static string Document(RequiredDocument d) => $"{d.Name} ({ProcedureText.Copies(d)})";

    private static string Lines(IEnumerable<string> items) => string.Join("\n", items.Select((s, i) => $"{i + 1}. {s}"));
}
