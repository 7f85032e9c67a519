namespace Portal.Core.Forms.Challenge;

/// <summary>
/// The anti-bot check of the public forms (docs/architecture.md, "Public forms: anti-bot
/// challenge"): a ticket asks the browser for a small proof of work, and the form's post is
/// accepted once per ticket, on the site and form it was issued for. Scoped: the site is the
/// current scope's.
/// </summary>
public interface IFormChallenge
{
    /// <summary>A new ticket for the form <paramref name="purpose"/> (e.g. <c>questions</c>) of the current site.</summary>
    FormChallengeTicket Issue(string purpose);

    /// <summary>
    /// Checks a posted ticket and its nonce; an accepted ticket is used up. The forms' filter
    /// (<see cref="RequireFormChallengeAttribute"/>) calls it with the posted fields, an API with
    /// the values from its JSON body.
    /// </summary>
    FormChallengeResult Verify(string purpose, string? token, string? nonce);
}

/// <summary>
/// What the page (or an API client) needs to solve the challenge: find a nonce such that
/// SHA-256(<see cref="Salt"/> + ":" + nonce), UTF-8, starts with <see cref="Difficulty"/> zero
/// bits (<see cref="FormChallengeSolver"/>), then post it with <see cref="Token"/>. The token
/// carries its own copy of the salt and difficulty, protected; the plain ones are for the solver.
/// </summary>
public sealed record FormChallengeTicket(string Token, string Salt, int Difficulty, DateTime ExpiresUtc);
