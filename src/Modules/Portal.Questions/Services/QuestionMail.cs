using System.Globalization;
using Portal.Core.Mail;
using Portal.Core.Tenancy;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>
/// The messages a question sends, each with a key that makes it once-only (the outbox refuses a
/// second message with the same key on the site), in plain text: senders read them on phones.
/// </summary>
internal static class QuestionMail
{
    public static MailMessage Received(Tenant site, QuestionCase question, string lookupUrl) => new(
        $"question-received-{question.TrackingCode}",
        question.Email,
        $"[{site.DisplayName}] Mã tra cứu câu hỏi: {question.TrackingCode}",
        string.Join('\n',
            $"Kính gửi ông/bà {question.SenderName},",
            "",
            $"{site.DisplayName} đã tiếp nhận câu hỏi \"{question.Title}\" lúc {Portal.Core.VietnamTime.Format(question.ReceivedUtc)}.",
            "",
            $"Mã tra cứu: {question.TrackingCode}",
            $"Tra cứu tình trạng xử lý: {lookupUrl}?ma={Uri.EscapeDataString(question.TrackingCode)}",
            "",
            $"Hạn trả lời hoặc thông báo tiến độ: {QuestionTexts.Date(question.AnswerDue)} (15 ngày làm việc, không tính ngày nghỉ lễ, Tết và cuối tuần).",
            "",
            "Thư này được gửi tự động, xin đừng trả lời thư."));

    public static MailMessage Rejected(Tenant site, QuestionCase question) => new(
        $"question-rejected-{question.TrackingCode}",
        question.Email,
        $"[{site.DisplayName}] Câu hỏi {question.TrackingCode} không được tiếp nhận",
        string.Join('\n',
            $"Kính gửi ông/bà {question.SenderName},",
            "",
            $"Câu hỏi \"{question.Title}\" (mã {question.TrackingCode}) không được tiếp nhận: {question.RejectionNote}.",
            "",
            "Thư này được gửi tự động, xin đừng trả lời thư."));

    public static MailMessage Answered(Tenant site, QuestionCase question, string agency, string answerText, string? publicUrl) => new(
        $"question-answered-{question.TrackingCode}",
        question.Email,
        $"[{site.DisplayName}] Trả lời câu hỏi {question.TrackingCode}",
        string.Join('\n', new[]
        {
            $"Kính gửi ông/bà {question.SenderName},",
            "",
            $"{agency} trả lời câu hỏi \"{question.Title}\" (mã {question.TrackingCode}) như sau:",
            "",
            answerText,
            "",
            publicUrl is null ? "" : $"Câu trả lời được công khai tại: {publicUrl}",
            "Thư này được gửi tự động, xin đừng trả lời thư.",
        }.Where(l => l is not null)));

    public static MailMessage Extended(Tenant site, QuestionCase question) => new(
        $"question-extended-{question.TrackingCode}-{question.AnswerDue.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}",
        question.Email,
        $"[{site.DisplayName}] Gia hạn trả lời câu hỏi {question.TrackingCode}",
        string.Join('\n',
            $"Kính gửi ông/bà {question.SenderName},",
            "",
            $"Thời hạn trả lời câu hỏi \"{question.Title}\" (mã {question.TrackingCode}) được gia hạn đến {QuestionTexts.Date(question.AnswerDue)}.",
            $"Lý do: {question.ExtensionReason}",
            "",
            "Thư này được gửi tự động, xin đừng trả lời thư."));

    public static MailMessage Notice(Tenant site, QuestionCase question, string agency, string text) => new(
        $"question-notice-{question.TrackingCode}-{question.UpdatedUtc:yyyyMMddHHmmss}",
        question.Email,
        $"[{site.DisplayName}] Thông báo tiến độ trả lời câu hỏi {question.TrackingCode}",
        string.Join('\n',
            $"Kính gửi ông/bà {question.SenderName},",
            "",
            $"{agency} thông báo về câu hỏi \"{question.Title}\" (mã {question.TrackingCode}):",
            "",
            text,
            "",
            "Thư này được gửi tự động, xin đừng trả lời thư."));
}
