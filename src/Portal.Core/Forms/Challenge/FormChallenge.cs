using Microsoft.AspNetCore.Http;

namespace Portal.Core.Forms.Challenge;

/// <summary>
/// The names a form's challenge posts (written by <see cref="FormChallengeTagHelper"/>, filled by
/// the Gov theme's <c>challenge.js</c>) and the honeypot: a text field a person never sees, which
/// form-filling bots fill.
/// </summary>
public static class FormChallenge
{
    public const string TokenField = "challengeToken";
    public const string SaltField = "challengeSalt";
    public const string BitsField = "challengeBits";
    public const string NonceField = "challengeNonce";

    /// <summary>The honeypot: a name bots like to fill.</summary>
    public const string HoneypotField = "website";

    /// <summary>The model-state key of a failed check, shown beside the form's challenge.</summary>
    public const string ModelStateKey = "challenge";

    private const string OnPageItem = "portal.form-challenge";

    public static bool HoneypotFilled(IFormCollection form) =>
        form.TryGetValue(HoneypotField, out var values) && values.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>
    /// The honeypot, then the ticket, of a posted form. A filled honeypot answers
    /// <see cref="FormChallengeResult.Invalid"/>, like a failed challenge, so a bot is not told which it was.
    /// </summary>
    public static FormChallengeResult Check(this IFormChallenge challenge, string purpose, IFormCollection form) =>
        HoneypotFilled(form)
            ? FormChallengeResult.Invalid
            : challenge.Verify(purpose, form[TokenField].FirstOrDefault(), form[NonceField].FirstOrDefault());

    /// <summary>Whether this response's page carries a challenge, so the layout (rendered after the page) adds the solver's script.</summary>
    public static bool IsOnPage(HttpContext context) => context.Items.ContainsKey(OnPageItem);

    internal static int MarkOnPage(HttpContext context)
    {
        var count = context.Items.TryGetValue(OnPageItem, out var value) && value is int n ? n + 1 : 1;
        context.Items[OnPageItem] = count;
        return count;
    }
}
