using System.Text;
using Portal.Core.Text;
using Portal.Dialogues.Models;

namespace Portal.Dialogues.Services;

/// <summary>A citizen's question as sent: the text, and an optional name with the agreement to show it.</summary>
public sealed record DialogueQuestionSubmission(string? Text, string? SenderName, bool ShowName);

/// <summary>
/// The one set of rules for a citizen's question, for the form and for the moderator's spelling
/// edit: NFC, trimmed, line breaks kept (at most two in a row), lengths, no control characters
/// (the kernel's filter refuses them on the form already; these rules refuse them anywhere else).
/// Messages are keyed by the form's field names.
/// </summary>
public static class DialogueQuestionRules
{
    public const int MinLength = 10;

    public static DialogueQuestionSubmission Clean(DialogueQuestionSubmission s) => s with
    {
        Text = CleanText(s.Text),
        SenderName = CleanLine(s.SenderName),
    };

    public static IEnumerable<(string Field, string Message)> Check(DialogueQuestionSubmission s)
    {
        if (TextProblem(s.Text) is { } problem)
        {
            yield return ("Text", problem);
        }

        if (s.SenderName is { } name && !VisitorText.IsAcceptable(name))
        {
            yield return ("SenderName", "Họ tên có ký tự không hợp lệ.");
        }
        else if (s.SenderName?.Length > DialoguesModel.NameLength)
        {
            yield return ("SenderName", $"Họ tên tối đa {DialoguesModel.NameLength} ký tự.");
        }

        if (s.ShowName && string.IsNullOrEmpty(s.SenderName))
        {
            yield return ("SenderName", "Vui lòng nhập họ tên nếu muốn hiện tên cùng câu hỏi.");
        }
    }

    /// <summary>The problem with a question's text (cleaned), or null.</summary>
    public static string? TextProblem(string? text) =>
        string.IsNullOrEmpty(text) ? "Vui lòng nhập câu hỏi."
        : !VisitorText.IsAcceptable(text) ? "Câu hỏi có ký tự không hợp lệ."
        : text.Length < MinLength ? $"Câu hỏi quá ngắn (ít nhất {MinLength} ký tự)."
        : text.Length > DialoguesModel.QuestionLength ? $"Câu hỏi tối đa {DialoguesModel.QuestionLength} ký tự (hiện có {text.Length})."
        : null;

    public static string? CleanLine(string? value)
    {
        if (value is null || !VisitorText.IsAcceptable(value))
        {
            return value;
        }

        var text = string.Join(' ', value.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? null : text;
    }

    public static string? CleanText(string? value)
    {
        if (value is null || !VisitorText.IsAcceptable(value))
        {
            return value;
        }

        var lines = value.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.Trim());
        var text = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                text.Append(line).Append('\n');
            }
        }

        var result = text.ToString().Trim();
        return result.Length == 0 ? null : result;
    }
}
