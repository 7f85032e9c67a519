namespace Portal.Questions.Services;

/// <summary>A ticket of <c>GET /api/questions/challenge</c>.</summary>
public sealed record QuestionApiChallengeTicket(string Token, string Salt, int Difficulty, DateTime ExpiresUtc, string Algorithm);

/// <summary>
/// The kernel's anti-bot challenge as the API uses it (purpose <c>questions</c>, the form's).
/// TEMPORARY: the kernel challenge (branch challenge) is not merged yet; until it is, no ticket is
/// issued and every anonymous submission is refused as missing its challenge.
/// </summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class QuestionApiChallengeGate
{
    public const string Purpose = "questions";

    public const string MissingMessage = "Chưa hoàn tất bước kiểm tra chống máy gửi tự động.";

    public QuestionApiChallengeTicket? Issue() => null;

    /// <summary>Null when accepted (the ticket is then used up), otherwise the message and a short code.</summary>
    public (string Message, string Code)? Verify(string? token, string? nonce) => (MissingMessage, "missing");
}
