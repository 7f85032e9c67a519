using System.Security.Cryptography;

namespace Portal.Questions.Services;

/// <summary>
/// Tracking codes (mã tra cứu): ten characters from an alphabet without the look-alikes 0/O, 1/I/L
/// and U/V, written as two groups of five (<c>K7M3Q-9XTRH</c>). Drawn from a cryptographic random
/// source: 29^10 ≈ 4.2·10^14 codes, so knowing one code tells nothing about another, and guessing one
/// of a site's live codes at the lookup's rate limit would take longer than the site will live.
/// </summary>
internal static class TrackingCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";

    public const int Length = 10;

    public static string New()
    {
        Span<char> code = stackalloc char[Length + 1];
        for (var i = 0; i < Length; i++)
        {
            code[i < 5 ? i : i + 1] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        code[5] = '-';
        return new string(code);
    }

    /// <summary>
    /// The stored form of what someone typed: upper case, the group separator where it belongs,
    /// spaces and dashes anywhere ignored. Null when it cannot be a code (a look-alike such as O, 0,
    /// I or 1 is not in the alphabet, so it is refused rather than guessed at).
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        Span<char> chars = stackalloc char[Length];
        var count = 0;
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (count == Length || !Alphabet.Contains(upper))
            {
                return null;
            }

            chars[count++] = upper;
        }

        return count == Length ? string.Concat(chars[..5], "-", chars[5..]) : null;
    }
}
