using System.Text;
using Portal.Core.Mail;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>What a citizen sends, from the form or <c>POST /api/questions</c> (docs/contracts.md, the <c>question</c> fields).</summary>
public sealed record QuestionSubmission(
    string? SenderName,
    string? Email,
    string? Phone,
    string? Address,
    string? Title,
    string? Content,
    string? Field,
    bool ConsentToPublish,
    bool ShowName = false);

/// <summary>An attached file as received: its name, length and a seekable copy of its bytes.</summary>
public sealed record IncomingFile(string FileName, long Length, Stream Content);

/// <summary>
/// The one set of rules for a submission, shared by the form and the API so they can never
/// disagree. Each message names the field in the citizen's terms and is shown beside it; the keys
/// are the API's field names (camelCase).
/// </summary>
internal static class QuestionRules
{
    public const int MinContentLength = 20;

    public const int MinTitleLength = 5;

    public const int MaxAttachments = 3;

    public const long MaxAttachmentBytes = 10L * 1024 * 1024;

    /// <summary>The submission with every text NFC-normalized and trimmed (what is stored).</summary>
    public static QuestionSubmission Clean(QuestionSubmission s) => s with
    {
        SenderName = CleanLine(s.SenderName),
        Email = CleanLine(s.Email),
        Phone = CleanLine(s.Phone),
        Address = CleanLine(s.Address),
        Title = CleanLine(s.Title),
        Content = CleanText(s.Content),
        Field = CleanLine(s.Field),
    };

    public static IEnumerable<(string Field, string Message)> Check(QuestionSubmission s)
    {
        foreach (var error in Required("senderName", "Họ và tên", s.SenderName, QuestionsModel.NameLength))
        {
            yield return error;
        }

        if (string.IsNullOrEmpty(s.Email))
        {
            yield return ("email", "Hãy nhập địa chỉ thư điện tử: mã tra cứu và câu trả lời được gửi đến đó.");
        }
        else if (s.Email.Length > QuestionsModel.EmailLength || !MailAddresses.IsValid(s.Email))
        {
            yield return ("email", $"\"{Shorten(s.Email)}\" không phải địa chỉ thư điện tử hợp lệ (ví dụ: ten@example.vn).");
        }

        if (!string.IsNullOrEmpty(s.Phone) && (s.Phone.Length > QuestionsModel.PhoneLength || !IsPhone(s.Phone)))
        {
            yield return ("phone", "Số điện thoại chỉ gồm chữ số (có thể có dấu +, dấu cách, dấu chấm), từ 8 đến 15 chữ số.");
        }

        if (s.Address is { Length: > QuestionsModel.AddressLength })
        {
            yield return ("address", $"Địa chỉ dài quá {QuestionsModel.AddressLength} ký tự.");
        }

        foreach (var error in Required("title", "Tiêu đề", s.Title, QuestionsModel.TitleLength))
        {
            yield return error;
        }

        if (s.Title is { Length: > 0 and < MinTitleLength })
        {
            yield return ("title", $"Tiêu đề quá ngắn: hãy nêu vấn đề cần hỏi (ít nhất {MinTitleLength} ký tự).");
        }

        if (string.IsNullOrEmpty(s.Content))
        {
            yield return ("content", "Hãy nhập nội dung câu hỏi.");
        }
        else if (s.Content.Length < MinContentLength)
        {
            yield return ("content", $"Nội dung quá ngắn: hãy trình bày rõ câu hỏi (ít nhất {MinContentLength} ký tự).");
        }
        else if (s.Content.Length > QuestionsModel.ContentLength)
        {
            yield return ("content", $"Nội dung dài {s.Content.Length:N0} ký tự, quá giới hạn {QuestionsModel.ContentLength:N0} ký tự. Phần chi tiết có thể gửi trong tệp đính kèm.");
        }

        if (string.IsNullOrEmpty(s.Field))
        {
            yield return ("field", "Hãy chọn lĩnh vực của câu hỏi.");
        }
        else if (!QuestionFields.IsKnown(s.Field))
        {
            yield return ("field", $"Lĩnh vực \"{Shorten(s.Field)}\" không có trong danh sách.");
        }

        if (s.ShowName && !s.ConsentToPublish)
        {
            yield return ("showName", "Chỉ hiện tên khi ông/bà đồng ý công khai câu hỏi và câu trả lời.");
        }
    }

    private static IEnumerable<(string, string)> Required(string field, string label, string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            yield return (field, $"Hãy nhập {label.ToLowerInvariant()}.");
        }
        else if (value.Length > max)
        {
            yield return (field, $"{label} dài quá {max} ký tự.");
        }
    }

    private static bool IsPhone(string phone)
    {
        var digits = 0;
        for (var i = 0; i < phone.Length; i++)
        {
            var c = phone[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(c is ' ' or '.' || (c == '+' && i == 0)))
            {
                return false;
            }
        }

        return digits is >= 8 and <= 15;
    }

    /// <summary>One line: NFC, trimmed, inner line breaks and tabs become spaces, other control characters dropped.</summary>
    private static string? CleanLine(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in Normalize(value))
        {
            if (c is '\r' or '\n' or '\t')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Several lines: NFC, trimmed, line breaks kept as \n, other control characters dropped.</summary>
    private static string? CleanText(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in Normalize(value).Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c == '\r')
            {
                builder.Append('\n');
            }
            else if (c is '\n' or '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>NFC; a string with lone surrogates (not valid Unicode) cannot be normalized, and its bad halves are replaced instead.</summary>
    private static string Normalize(string value)
    {
        try
        {
            return value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            return Encoding.UTF8.GetString(bytes).Normalize(NormalizationForm.FormC);
        }
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
