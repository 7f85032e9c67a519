using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>
/// A legal document as text, from whichever door it came in (a recipe envelope, a CSV row, a JSON
/// upload, the editor's form): one set of rules turns it into <see cref="LegalDocumentFields"/> or
/// into messages per field (envelope field names), so every door accepts and rejects the same things.
/// </summary>
internal sealed class LegalDocumentInput
{
    private static readonly string[] FileExtensions = [".pdf", ".doc", ".docx"];

    public string? Number { get; init; }

    public string? Type { get; init; }

    public string? IssuingAuthority { get; init; }

    public string? Field { get; init; }

    public string? Signer { get; init; }

    public string? SignerPosition { get; init; }

    public string? IssuedOn { get; init; }

    public string? EffectiveOn { get; init; }

    public string? ExpiresOn { get; init; }

    public string? Summary { get; init; }

    public string? Kind { get; init; }

    /// <summary>Accepted for the envelope's sake and checked, but never used: status is computed.</summary>
    public string? Status { get; init; }

    public IReadOnlyList<string> Files { get; init; } = [];

    public IReadOnlyList<string> Replaces { get; init; } = [];

    public IReadOnlyList<string> Amends { get; init; } = [];

    public IReadOnlyList<string> Guides { get; init; } = [];

    /// <summary>Splits a list written in one cell or text box: "a; b" or one per line.</summary>
    public static IReadOnlyList<string> SplitList(string? text) =>
        [.. (text ?? "").Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public LegalDocumentFields? Parse(IDictionary<string, string> errors)
    {
        var fields = new LegalDocumentFields
        {
            Number = Required("number", Number, 100, "Vui lòng nhập số/ký hiệu.", errors),
            IssuingAuthority = Required("issuingAuthority", IssuingAuthority, 200, "Vui lòng nhập cơ quan ban hành.", errors),
            Field = Optional("field", Field, 200, errors),
            Signer = Optional("signer", Signer, 200, errors),
            SignerPosition = Optional("signerPosition", SignerPosition, 200, errors),
            Summary = Required("summary", Summary, 2000, "Vui lòng nhập trích yếu.", errors),
            IssuedOn = Date("issuedOn", IssuedOn, errors),
            EffectiveOn = Date("effectiveOn", EffectiveOn, errors),
            ExpiresOn = Date("expiresOn", ExpiresOn, errors),
        };

        if (string.IsNullOrWhiteSpace(Type))
        {
            errors["type"] = "Vui lòng chọn loại văn bản.";
        }
        else if (LegalDocumentKinds.NormalizeType(Type) is { } type)
        {
            fields.DocumentType = type;
        }
        else
        {
            errors["type"] = $"Loại văn bản \"{Type.Trim()}\" không có trong danh mục ({string.Join(", ", LegalDocumentKinds.Types)}).";
        }

        var kind = string.IsNullOrWhiteSpace(Kind) ? LegalDocumentKinds.Normative : Kind.Trim().ToLowerInvariant();
        if (LegalDocumentKinds.Kinds.Contains(kind))
        {
            fields.Kind = kind;
        }
        else
        {
            errors["kind"] = "Loại hình phải là normative (quy phạm pháp luật) hoặc direction (chỉ đạo điều hành).";
        }

        if (!string.IsNullOrWhiteSpace(Status) && Enum.GetValues<LegalStatus>().All(s => LegalStatuses.Slug(s) != Status.Trim() && !string.Equals(LegalStatuses.Text(s), Status.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors["status"] = "Tình trạng hiệu lực không hợp lệ (và không cần nhập: hệ thống tự tính từ ngày hiệu lực, ngày hết hiệu lực và văn bản thay thế).";
        }

        if (fields.IssuedOn is null && !errors.ContainsKey("issuedOn"))
        {
            errors["issuedOn"] = "Vui lòng nhập ngày ban hành.";
        }

        if (fields.EffectiveOn < fields.IssuedOn)
        {
            errors["effectiveOn"] = "Ngày hiệu lực không được trước ngày ban hành.";
        }

        if (fields.ExpiresOn <= (fields.EffectiveOn ?? fields.IssuedOn))
        {
            errors["expiresOn"] = "Ngày hết hiệu lực phải sau ngày có hiệu lực.";
        }

        fields.Files = CheckedFiles(errors);
        fields.Replaces = Numbers("replaces", Replaces, fields.Number, errors);
        fields.Amends = Numbers("amends", Amends, fields.Number, errors);
        fields.Guides = Numbers("guides", Guides, fields.Number, errors);
        return errors.Count == 0 ? fields : null;
    }

    private List<string> CheckedFiles(IDictionary<string, string> errors)
    {
        var files = Files.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct().ToList();
        foreach (var file in files)
        {
            var path = file.Split('?', '#')[0];
            var local = file.StartsWith("/media/", StringComparison.Ordinal) && !file.Contains("..", StringComparison.Ordinal);
            var remote = (file.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || file.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) && HtmlSanitizer.IsSafeUrl(file) && Uri.IsWellFormedUriString(file, UriKind.Absolute);
            if (file.Length > 500 || !(local || remote) || !FileExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            {
                errors["files"] = $"Tệp đính kèm \"{(file.Length > 80 ? file[..80] + "…" : file)}\" phải là tệp PDF, DOC hoặc DOCX trong thư viện (/media/...) hoặc một địa chỉ http(s).";
                break;
            }
        }

        if (files.Count > 20)
        {
            errors["files"] = "Tối đa 20 tệp đính kèm.";
        }

        return files;
    }

    private static List<string> Numbers(string name, IReadOnlyList<string> numbers, string own, IDictionary<string, string> errors)
    {
        var list = numbers.Select(n => n.Trim().Normalize()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Any(n => n.Length > 100 || n.Any(char.IsControl)))
        {
            errors[name] = "Số/ký hiệu văn bản liên quan tối đa 100 ký tự.";
        }
        else if (list.Contains(own, StringComparer.Ordinal))
        {
            errors[name] = "Văn bản không thể liên quan đến chính nó.";
        }
        else if (list.Count > 50)
        {
            errors[name] = "Tối đa 50 văn bản liên quan mỗi loại.";
        }

        return list;
    }

    private static string Required(string name, string? value, int max, string missing, IDictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[name] = missing;
            return "";
        }

        return Optional(name, value, max, errors);
    }

    private static string Optional(string name, string? value, int max, IDictionary<string, string> errors)
    {
        var text = (value ?? "").Trim().Normalize();
        if (text.Length > max)
        {
            errors[name] = $"Tối đa {max} ký tự.";
        }
        else if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors[name] = "Có ký tự không hợp lệ.";
        }

        return text;
    }

    private static DateOnly? Date(string name, string? value, IDictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // The kernel's one reading of typed dates; documents of the Republic start in 1945.
        if (ContentValues.Date(value) is { Year: >= 1945 } date)
        {
            return date;
        }

        errors[name] = $"Ngày \"{(value.Length > 30 ? value[..30] : value)}\" không hợp lệ (dùng 2026-03-01 hoặc 01/03/2026).";
        return null;
    }
}
