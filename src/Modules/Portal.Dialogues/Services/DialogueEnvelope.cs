using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Portal.Core;
using Portal.Core.Html;
using Portal.Core.Text;
using Portal.Dialogues.Models;

namespace Portal.Dialogues.Services;

/// <summary>A rule one field broke, named by its envelope field so callers can put it beside that field.</summary>
public sealed record DialogueProblem(string Field, string Message);

/// <summary>A dialogue read from envelope fields: its topic, address and typed fields.</summary>
public sealed record DialogueInput(string Title, string? Slug, DialogueFields Fields);

/// <summary>
/// Reads and checks the <c>dialogue</c> envelope fields. One reader for the editor form (which turns
/// its fields into these), the recipes' <c>content</c> step and the content API, so all accept the
/// same values and explain a refusal the same way. Times are ISO 8601 with an offset (the form
/// sends Vietnam time converted to UTC); guests are objects <c>{name, position, photo}</c> or lines
/// <c>name | position | photo</c>; a photo is a path of the site's media library, never another host.
/// </summary>
public static class DialogueEnvelope
{
    public static readonly string[] FieldNames = ["title", "slug", "description", "startUtc", "endUtc", "questionsCloseUtc", "guests", "moderator", "videoUrl"];

    public const int MaxGuests = 20;

    public static DialogueInput? Read(JsonObject fields, HtmlSanitizer sanitizer, List<DialogueProblem> problems)
    {
        var before = problems.Count;
        foreach (var (field, _) in fields)
        {
            if (!FieldNames.Contains(field, StringComparer.Ordinal))
            {
                problems.Add(new(field, $"trường không xác định '{field}' (các trường: {string.Join(", ", FieldNames)})."));
            }
        }

        var title = Text(fields, "title", DialoguesModel.TitleLength, problems);
        if (title.Length == 0)
        {
            problems.Add(new("title", "Vui lòng nhập chủ đề buổi đối thoại."));
        }

        var slug = Text(fields, "slug", Slugs.MaxLength, problems);
        if (slug.Length > 0 && !Slugs.IsValid(slug))
        {
            problems.Add(new("slug", "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang."));
        }

        var description = "";
        try
        {
            description = sanitizer.Sanitize(Text(fields, "description", HtmlSanitizer.MaxLength, problems));
        }
        catch (ArgumentException ex)
        {
            problems.Add(new("description", "Nội dung giới thiệu không hợp lệ: " + ex.Message));
        }

        var start = Time(fields, "startUtc", problems, required: true);
        var end = Time(fields, "endUtc", problems, required: true);
        var close = Time(fields, "questionsCloseUtc", problems, required: false);
        if (start is not null && end is not null && end <= start)
        {
            problems.Add(new("endUtc", "Thời gian kết thúc phải sau thời gian bắt đầu."));
        }

        if (close is not null && end is not null && close > end)
        {
            problems.Add(new("questionsCloseUtc", "Hạn gửi câu hỏi không được sau thời gian kết thúc."));
        }

        var guests = Guests(fields, problems);
        var moderator = Text(fields, "moderator", DialoguesModel.NameLength, problems);
        var video = Text(fields, "videoUrl", DialogueVideo.MaxLength, problems);
        if (video.Length > 0 && !DialogueVideo.IsAcceptable(video))
        {
            problems.Add(new("videoUrl", "Đường dẫn video phải là địa chỉ https đầy đủ (ví dụ https://www.youtube.com/watch?v=...)."));
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new DialogueInput(title, slug.Length > 0 ? slug : null, new DialogueFields
        {
            Description = description,
            StartUtc = start!.Value,
            EndUtc = end!.Value,
            QuestionsCloseUtc = close,
            Guests = guests,
            Moderator = moderator,
            VideoUrl = video,
        });
    }

    /// <summary>The form's guest lines ("name | position | photo") as envelope guests.</summary>
    public static JsonArray GuestLines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(line => (JsonNode?)JsonValue.Create(line))];

    public static string GuestLine(DialogueGuest guest) =>
        string.Join(" | ", new[] { guest.Name, guest.Position, guest.Photo }).TrimEnd(' ', '|');

    /// <summary>A time the form typed in Vietnam, as the envelope's ISO text in UTC ("" when empty, a marker when impossible).</summary>
    public static string FromVietnamTime(DateTime? local) =>
        local is null ? "" : VietnamTime.ToUtc(local.Value) is { } utc ? utc.ToString("O", CultureInfo.InvariantCulture) : "invalid";

    private static List<DialogueGuest> Guests(JsonObject fields, List<DialogueProblem> problems)
    {
        var guests = new List<DialogueGuest>();
        var nodes = fields["guests"] switch
        {
            null => [],
            JsonArray array => array.ToList(),
            _ => null,
        };
        if (nodes is null)
        {
            problems.Add(new("guests", "'guests' phải là danh sách khách mời."));
            return guests;
        }

        if (nodes.Count > MaxGuests)
        {
            problems.Add(new("guests", $"Tối đa {MaxGuests} khách mời."));
            return guests;
        }

        foreach (var node in nodes)
        {
            string name, position, photo;
            if (node is JsonObject guest)
            {
                name = Scalar(guest["name"]);
                position = Scalar(guest["position"]);
                photo = Scalar(guest["photo"]);
            }
            else
            {
                var parts = Scalar(node).Split('|', StringSplitOptions.TrimEntries);
                name = parts[0];
                position = parts.Length > 1 ? parts[1] : "";
                photo = parts.Length > 2 ? parts[2] : "";
            }

            name = Clean(name);
            position = Clean(position);
            photo = photo.Trim();
            if (name.Length == 0)
            {
                problems.Add(new("guests", "Mỗi khách mời cần có họ tên."));
            }
            else if (name.Length > DialoguesModel.NameLength || position.Length > 300)
            {
                problems.Add(new("guests", $"Họ tên khách mời tối đa {DialoguesModel.NameLength} ký tự, chức vụ tối đa 300 ký tự."));
            }
            else if (photo.Length > 0 && (photo.Length > 500 || !HtmlSanitizer.IsSiteImageUrl(photo)))
            {
                problems.Add(new("guests", $"Ảnh của {name} phải là ảnh trong thư viện của trang (đường dẫn bắt đầu bằng /media/...), không lấy từ trang khác."));
            }
            else if (guests.Any(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(new("guests", $"Khách mời {name} được nhập hai lần."));
            }
            else
            {
                guests.Add(new DialogueGuest { Name = name, Position = position, Photo = photo });
            }
        }

        if (guests.Count == 0 && !problems.Any(p => p.Field == "guests"))
        {
            problems.Add(new("guests", "Vui lòng nhập ít nhất một khách mời."));
        }

        return guests;
    }

    private static DateTime? Time(JsonObject fields, string field, List<DialogueProblem> problems, bool required)
    {
        var text = Text(fields, field, 40, problems);
        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add(new(field, field == "startUtc" ? "Vui lòng nhập thời gian bắt đầu." : "Vui lòng nhập thời gian kết thúc."));
            }

            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            || time.UtcDateTime < VietnamTime.Earliest || time.UtcDateTime > VietnamTime.Latest)
        {
            problems.Add(new(field, "Thời gian không hợp lệ."));
            return null;
        }

        return DateTime.SpecifyKind(time.UtcDateTime, DateTimeKind.Utc);
    }

    private static string Text(JsonObject fields, string field, int max, List<DialogueProblem> problems)
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

        if (!VisitorText.IsAcceptable(text))
        {
            problems.Add(new(field, "Có ký tự điều khiển hoặc ký tự không hợp lệ."));
            return "";
        }

        var clean = text.Trim().Normalize(NormalizationForm.FormC);
        if (clean.Length > max)
        {
            problems.Add(new(field, $"Tối đa {max} ký tự."));
        }

        return clean;
    }

    private static string Clean(string text) => VisitorText.IsAcceptable(text) ? text.Trim().Normalize(NormalizationForm.FormC) : "";

    private static string Scalar(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
