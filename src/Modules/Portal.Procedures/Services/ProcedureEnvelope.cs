using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Core.Html;
using Portal.Core.Text;
using Portal.Procedures.Models;

namespace Portal.Procedures.Services;

/// <summary>A procedure read from envelope fields: its name and typed fields.</summary>
internal sealed record ProcedureInput(string Name, ProcedureFields Fields);

/// <summary>A rule one field broke, named by its envelope field so callers can put it beside that field.</summary>
internal sealed record FieldProblem(string Field, string Message);

/// <summary>
/// Reads and checks the <c>procedure</c> envelope fields (docs/contracts.md). One reader for the recipe
/// step, the bulk upload (CSV rows are turned into the same fields) and the admin form, so the
/// three accept exactly the same values and explain a refusal the same way.
/// List fields are JSON arrays; a text value is also accepted and split on line breaks and "|".
/// A document is <c>{name, copies, kind}</c> or the text <c>name::copies::kind</c>
/// (kind: original/bản chính or copy/bản sao); a form is <c>{title, url}</c> or <c>title::url</c> or a bare address.
/// </summary>
internal static partial class ProcedureEnvelope
{
    public static readonly string[] Fields = ["code", "name", "field", "level", "agency", "steps", "channels", "documents", "processingTime", "fees", "applicants", "result", "legalBasis", "onlineLevel", "nationalPortalUrl", "forms"];

    private const int MaxText = 4000;
    private const int MaxItems = 100;

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.\-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    /// <summary>
    /// A code as stored and compared: trimmed and upper-cased, so "abc.1" and "ABC.1" are one
    /// procedure in the file check, the lookup by code and the communes' override of shared ones.
    /// </summary>
    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();


    public static ProcedureInput? Read(JsonObject fields, List<FieldProblem> problems)
    {
        var before = problems.Count;
        foreach (var (field, _) in fields)
        {
            if (!Fields.Contains(field, StringComparer.Ordinal))
            {
                problems.Add(new(field, $"trường không xác định '{field}' (các trường: {string.Join(", ", Fields)})."));
            }
        }

        var code = Text(fields, "code", 40, problems);
        if (code.Length == 0)
        {
            problems.Add(new("code", "thiếu mã thủ tục (code)."));
        }
        else if (!CodePattern().IsMatch(code))
        {
            problems.Add(new("code", $"mã thủ tục \"{code}\" không hợp lệ (chỉ gồm chữ, số, dấu chấm, gạch ngang; ví dụ 1.001234)."));
        }

        var name = Text(fields, "name", 500, problems);
        if (name.Length == 0)
        {
            problems.Add(new("name", "thiếu tên thủ tục (name)."));
        }

        var result = new ProcedureFields
        {
            Code = NormalizeCode(code),
            Field = Text(fields, "field", 200, problems),
            Level = ParseLevel(Text(fields, "level", 40, problems), problems),
            Agency = Text(fields, "agency", 300, problems),
            Steps = Items(fields, "steps", problems).Select(s => Limit(s, "steps", problems)).ToList(),
            Channels = Channels(fields, problems),
            Documents = Documents(fields, problems),
            ProcessingTime = Text(fields, "processingTime", MaxText, problems),
            Fees = Text(fields, "fees", MaxText, problems),
            Applicants = Text(fields, "applicants", MaxText, problems),
            Result = Text(fields, "result", MaxText, problems),
            LegalBasis = Items(fields, "legalBasis", problems).Select(s => Limit(s, "legalBasis", problems, 200)).Distinct(StringComparer.Ordinal).ToList(),
            Forms = Forms(fields, problems),
            OnlineLevel = ParseOnlineLevel(Text(fields, "onlineLevel", 40, problems), problems),
            NationalPortalUrl = Text(fields, "nationalPortalUrl", 500, problems),
        };

        if (result.NationalPortalUrl.Length > 0 && !IsWebAddress(result.NationalPortalUrl))
        {
            problems.Add(new("nationalPortalUrl", "địa chỉ trên Cổng Dịch vụ công quốc gia phải là địa chỉ http(s) đầy đủ (ví dụ https://dichvucong.gov.vn/...)."));
        }

        return problems.Count == before ? new ProcedureInput(name, result) : null;
    }

    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;

    /// <summary>A form is a file of the site's Media library (/media/...) or a web address.</summary>
    public static bool IsFormAddress(string url) =>
        IsWebAddress(url) || (url.StartsWith("/media/", StringComparison.Ordinal) && !url.Contains("..", StringComparison.Ordinal) && HtmlSanitizer.IsSafeUrl(url));

    public static ProcedureLevel ParseLevel(string text, List<FieldProblem> problems)
    {
        var folded = TextFolding.Fold(text);
        switch (folded)
        {
            case "province" or "tinh" or "cap tinh": return ProcedureLevel.Province;
            case "district" or "huyen" or "cap huyen": return ProcedureLevel.District;
            case "commune" or "xa" or "cap xa": return ProcedureLevel.Commune;
            case "":
                problems.Add(new("level", "thiếu cấp thực hiện (level: Province, District hoặc Commune)."));
                return default;
            default:
                problems.Add(new("level", $"cấp thực hiện \"{text}\" không hợp lệ (Province, District hoặc Commune)."));
                return default;
        }
    }

    public static OnlineServiceLevel ParseOnlineLevel(string text, List<FieldProblem> problems)
    {
        switch (TextFolding.Fold(text))
        {
            case "full" or "toan trinh": return OnlineServiceLevel.Full;
            case "partial" or "mot phan": return OnlineServiceLevel.Partial;
            case "" or "none" or "khong": return OnlineServiceLevel.None;
            default:
                problems.Add(new("onlineLevel", $"mức dịch vụ công trực tuyến \"{text}\" không hợp lệ (full, partial hoặc none)."));
                return OnlineServiceLevel.None;
        }
    }

    private static List<SubmissionChannel> Channels(JsonObject fields, List<FieldProblem> problems)
    {
        var channels = new List<SubmissionChannel>();
        foreach (var item in Items(fields, "channels", problems))
        {
            SubmissionChannel? channel = TextFolding.Fold(item).Replace('_', '-') switch
            {
                "in-person" or "inperson" or "truc tiep" => SubmissionChannel.InPerson,
                "online" or "truc tuyen" => SubmissionChannel.Online,
                "post" or "buu chinh" or "qua buu chinh" or "buu dien" => SubmissionChannel.Post,
                _ => null,
            };
            if (channel is null)
            {
                problems.Add(new("channels", $"cách thức nộp \"{item}\" không hợp lệ (in-person, online hoặc post)."));
            }
            else if (!channels.Contains(channel.Value))
            {
                channels.Add(channel.Value);
            }
        }

        return channels;
    }

    private static List<RequiredDocument> Documents(JsonObject fields, List<FieldProblem> problems)
    {
        var documents = new List<RequiredDocument>();
        foreach (var node in Nodes(fields, "documents", problems))
        {
            string name, copies = "", kind = "";
            if (node is JsonObject obj)
            {
                name = Scalar(obj["name"]) ?? "";
                copies = Scalar(obj["copies"]) ?? "";
                kind = Scalar(obj["kind"]) ?? "";
            }
            else
            {
                var parts = (Scalar(node) ?? "").Split("::", StringSplitOptions.TrimEntries);
                name = parts[0];
                copies = parts.Length > 1 ? parts[1] : "";
                kind = parts.Length > 2 ? parts[2] : "";
            }

            name = name.Trim();
            if (name.Length == 0)
            {
                problems.Add(new("documents", "mỗi thành phần hồ sơ cần có tên."));
                continue;
            }

            var count = 1;
            if (copies.Length > 0 && (!int.TryParse(copies, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count is < 1 or > 99))
            {
                problems.Add(new("documents", $"số bản của \"{name}\" phải là số từ 1 đến 99."));
                continue;
            }

            DocumentKind? parsedKind = TextFolding.Fold(kind) switch
            {
                "" => DocumentKind.Unspecified,
                "original" or "ban chinh" => DocumentKind.Original,
                "copy" or "ban sao" => DocumentKind.Copy,
                _ => null,
            };
            if (parsedKind is null)
            {
                problems.Add(new("documents", $"loại bản của \"{name}\" phải là original (bản chính) hoặc copy (bản sao)."));
                continue;
            }

            documents.Add(new RequiredDocument(Limit(name, "documents", problems, 1000), count, parsedKind.Value));
        }

        return documents;
    }

    private static List<ProcedureForm> Forms(JsonObject fields, List<FieldProblem> problems)
    {
        var forms = new List<ProcedureForm>();
        foreach (var node in Nodes(fields, "forms", problems))
        {
            string title, url;
            if (node is JsonObject obj)
            {
                title = Scalar(obj["title"])?.Trim() ?? "";
                url = Scalar(obj["url"])?.Trim() ?? "";
            }
            else
            {
                var text = Scalar(node) ?? "";
                var split = text.LastIndexOf("::", StringComparison.Ordinal);
                (title, url) = split < 0 ? ("", text.Trim()) : (text[..split].Trim(), text[(split + 2)..].Trim());
            }

            if (!IsFormAddress(url))
            {
                problems.Add(new("forms", $"mẫu đơn \"{url}\" phải là tệp của thư viện (/media/...) hoặc địa chỉ http(s)."));
                continue;
            }

            forms.Add(new ProcedureForm(title.Length > 0 ? Limit(title, "forms", problems, 300) : Uri.UnescapeDataString(url.Split('?')[0].Split('/')[^1]), url));
        }

        return forms;
    }

    private static string Text(JsonObject fields, string field, int max, List<FieldProblem> problems)
    {
        var node = fields[field];
        if (node is null)
        {
            return "";
        }

        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            problems.Add(new(field, $"'{field}' phải là chuỗi văn bản."));
            return "";
        }

        return Limit(text.Trim(), field, problems, max);
    }

    private static string Limit(string text, string field, List<FieldProblem> problems, int max = MaxText)
    {
        if (text.Length > max)
        {
            problems.Add(new(field, $"'{field}' dài quá {max} ký tự."));
        }

        return text.Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>The items of a list field: array elements, or a text split on line breaks and "|".</summary>
    private static List<JsonNode?> Nodes(JsonObject fields, string field, List<FieldProblem> problems)
    {
        List<JsonNode?> nodes = fields[field] switch
        {
            null => [],
            JsonArray array => [.. array],
            JsonValue value when value.TryGetValue<string>(out var text) => [.. SplitList(text).Select(s => (JsonNode?)JsonValue.Create(s))],
            _ => null!,
        };
        if (nodes is null)
        {
            problems.Add(new(field, $"'{field}' phải là danh sách."));
            return [];
        }

        if (nodes.Count > MaxItems)
        {
            problems.Add(new(field, $"'{field}' có quá {MaxItems} mục."));
            return [];
        }

        return [.. nodes.Where(n => n is not JsonValue v || !string.IsNullOrWhiteSpace(Scalar(v)))];
    }

    private static List<string> Items(JsonObject fields, string field, List<FieldProblem> problems)
    {
        var items = new List<string>();
        foreach (var node in Nodes(fields, field, problems))
        {
            if (Scalar(node) is { } text)
            {
                items.Add(text.Trim());
            }
            else
            {
                problems.Add(new(field, $"mỗi mục của '{field}' phải là chuỗi văn bản."));
            }
        }

        return items;
    }

    public static IEnumerable<string> SplitList(string text) =>
        text.Split(['\n', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? Scalar(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
