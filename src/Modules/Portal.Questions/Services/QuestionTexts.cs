using Portal.Core;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>The words the public reads about a question: its status and the public text of its steps.</summary>
internal static class QuestionTexts
{
    public static string Status(QuestionStatus status) => status switch
    {
        QuestionStatus.Received => "Đã tiếp nhận",
        QuestionStatus.Accepted => "Đang xử lý",
        QuestionStatus.Assigned => "Đã chuyển cơ quan có thẩm quyền trả lời",
        QuestionStatus.Answered => "Đã trả lời",
        QuestionStatus.Published => "Đã trả lời và công khai",
        QuestionStatus.Rejected => "Không tiếp nhận",
        QuestionStatus.Merged => "Đã gộp với câu hỏi trùng nội dung",
        _ => status.ToString(),
    };

    /// <summary>The status's name in the API (camelCase, stable).</summary>
    public static string ApiName(QuestionStatus status) => status switch
    {
        QuestionStatus.Received => "received",
        QuestionStatus.Accepted => "accepted",
        QuestionStatus.Assigned => "assigned",
        QuestionStatus.Answered => "answered",
        QuestionStatus.Published => "published",
        QuestionStatus.Rejected => "rejected",
        QuestionStatus.Merged => "merged",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static QuestionStatus? FromApiName(string? name) =>
        Enum.GetValues<QuestionStatus>().Cast<QuestionStatus?>().FirstOrDefault(s => ApiName(s!.Value) == name);

    public static string Rejection(QuestionRejection rejection) => rejection switch
    {
        QuestionRejection.Spam => "nội dung quảng cáo, không phải câu hỏi hoặc vi phạm quy định",
        QuestionRejection.OutOfScope => "không thuộc phạm vi trả lời của cổng",
        QuestionRejection.Duplicate => "trùng với câu hỏi đã được trả lời",
        _ => rejection.ToString(),
    };

    public static string ReceivedText(QuestionCase question) =>
        $"Đã tiếp nhận câu hỏi. Hạn chuyển cơ quan có thẩm quyền: {Date(question.ForwardDue)}; hạn trả lời hoặc thông báo tiến độ: {Date(question.AnswerDue)}.";

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
