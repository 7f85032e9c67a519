using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Forms.Challenge;

/// <summary>
/// The proof of work in C#: what the verifier checks, and a solver for tests, API clients and
/// reliability scripts (the browser's is the Gov theme's <c>challenge.js</c>, which counts the same way).
/// </summary>
public static class FormChallengeSolver
{
    /// <summary>The first nonce ("0", "1", …) that does the work; about 2^<paramref name="bits"/> hashes.</summary>
    public static string Solve(string salt, int bits)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentOutOfRangeException.ThrowIfNegative(bits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 256);
        for (long n = 0; ; n++)
        {
            var nonce = n.ToString(CultureInfo.InvariantCulture);
            if (DoesWork(salt, nonce, bits))
            {
                return nonce;
            }
        }
    }

    public static string Solve(FormChallengeTicket ticket) => Solve(ticket.Salt, ticket.Difficulty);

    /// <summary>Whether SHA-256(salt + ":" + nonce), UTF-8, starts with at least <paramref name="bits"/> zero bits.</summary>
    public static bool DoesWork(string salt, string nonce, int bits)
    {
        var length = Encoding.UTF8.GetMaxByteCount(salt.Length + 1 + nonce.Length);
        var rented = length <= 256 ? null : ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> input = rented ?? stackalloc byte[256];
            var written = Encoding.UTF8.GetBytes(salt, input);
            input[written++] = (byte)':';
            written += Encoding.UTF8.GetBytes(nonce, input[written..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(input[..written], hash);
            return LeadingZeroBits(hash) >= bits;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    internal static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            if (b != 0)
            {
                return bits + BitOperations.LeadingZeroCount((uint)b) - 24;
            }

            bits += 8;
        }

        return bits;
    }
}
