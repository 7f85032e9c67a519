using Portal.Core.Forms.Challenge;

namespace Portal.Questions.Services;

/// <summary>A ticket of <c>GET /api/questions/challenge</c>; <c>algorithm</c> names the work (<see cref="FormChallengeSolver"/>).</summary>
public sealed record QuestionApiChallengeTicket(string Token, string Salt, int Difficulty, DateTime ExpiresUtc, string Algorithm);

/// <summary>
/// The kernel's anti-bot challenge as the API uses it: the form's purpose (<c>questions</c>), so
/// a ticket is a ticket of the questions form whichever way it is posted, once.
/// </summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class QuestionApiChallengeGate(IFormChallenge challenge)
{
    public const string Purpose = "questions";

    public const string Algorithm = "sha256(salt + \":\" + nonce) has `difficulty` leading zero bits";

    public static string MissingMessage => FormChallengeResult.Missing.Message();

    public QuestionApiChallengeTicket Issue()
    {
        var ticket = challenge.Issue(Purpose);
        return new QuestionApiChallengeTicket(ticket.Token, ticket.Salt, ticket.Difficulty, ticket.ExpiresUtc, Algorithm);
    }

    /// <summary>Null when accepted (the ticket is then used up), otherwise the message and the reason's name.</summary>
    public (string Message, string Code)? Verify(string? token, string? nonce) =>
        challenge.Verify(Purpose, token, nonce) is var result && result == FormChallengeResult.Ok
            ? null
            : (result.Message(), result.ToString().ToLowerInvariant());
}
