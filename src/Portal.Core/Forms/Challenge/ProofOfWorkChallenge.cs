using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Portal.Core.Tenancy;

namespace Portal.Core.Forms.Challenge;

/// <summary>
/// <see cref="IFormChallenge"/> without any state per ticket until one is accepted: the token is
/// the ticket itself (site, salt, difficulty, issue and expiry time), encrypted and signed with
/// the installation's data-protection keys under a purpose naming the form, so every node accepts
/// every node's tickets and a ticket of one form does not open another.
/// </summary>
internal sealed class ProofOfWorkChallenge(
    IDataProtectionProvider protection,
    TenantContext site,
    UsedChallengeTickets used,
    TimeProvider clock,
    IOptions<PortalOptions> options) : IFormChallenge
{
    private const string ProtectorPurpose = "Portal.Core.Forms.Challenge";
    private const byte Version = 1;
    private const int SaltBytes = 16;

    // version, site id, difficulty, issued and expiry ticks, salt. The issue time is not checked:
    // there is no minimum age, since an API client solves and posts at once.
    private const int PayloadLength = 1 + 4 + 1 + 8 + 8 + SaltBytes;

    // Far above a real token (about 150 characters) and a real nonce; anything longer is not ours.
    private const int MaxTokenLength = 1024;
    private const int MaxNonceLength = 32;

    public FormChallengeTicket Issue(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var settings = options.Value.Forms;
        var bits = Math.Clamp(settings.ChallengeBits, 0, 24);
        var issued = clock.GetUtcNow().UtcDateTime;
        var expires = issued.AddMinutes(Math.Clamp(settings.ChallengeMinutes, 1, 1440));

        Span<byte> payload = stackalloc byte[PayloadLength];
        payload[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(payload[1..], site.TenantId);
        payload[5] = (byte)bits;
        BinaryPrimitives.WriteInt64LittleEndian(payload[6..], issued.Ticks);
        BinaryPrimitives.WriteInt64LittleEndian(payload[14..], expires.Ticks);
        var salt = payload[22..];
        RandomNumberGenerator.Fill(salt);

        var token = WebEncoders.Base64UrlEncode(Protector(purpose).Protect(payload.ToArray()));
        return new FormChallengeTicket(token, Convert.ToHexStringLower(salt), bits, expires);
    }

    public FormChallengeResult Verify(string purpose, string? token, string? nonce)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        if (string.IsNullOrWhiteSpace(token) || string.IsNullOrWhiteSpace(nonce))
        {
            return FormChallengeResult.Missing;
        }

        if (token.Length > MaxTokenLength || nonce.Length > MaxNonceLength || Read(purpose, token) is not { } ticket || ticket.TenantId != site.TenantId)
        {
            return FormChallengeResult.Invalid;
        }

        if (clock.GetUtcNow().UtcDateTime >= ticket.ExpiresUtc)
        {
            return FormChallengeResult.Expired;
        }

        if (!FormChallengeSolver.DoesWork(ticket.Salt, nonce, ticket.Bits))
        {
            return FormChallengeResult.Invalid;
        }

        // Keyed by the salt from inside the protected payload, not by the token's text: the salt is
        // what makes a ticket one ticket, whatever spelling of its bytes a client sends.
        return used.TryUse(ticket.Salt, ticket.ExpiresUtc) ? FormChallengeResult.Ok : FormChallengeResult.Reused;
    }

    private IDataProtector Protector(string purpose) => protection.CreateProtector(ProtectorPurpose, purpose);

    private Ticket? Read(string purpose, string token)
    {
        byte[] payload;
        try
        {
            payload = Protector(purpose).Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (CryptographicException)
        {
            return null;
        }

        if (payload.Length != PayloadLength || payload[0] != Version)
        {
            return null;
        }

        var span = payload.AsSpan();
        return new Ticket(
            BinaryPrimitives.ReadInt32LittleEndian(span[1..]),
            span[5],
            new DateTime(BinaryPrimitives.ReadInt64LittleEndian(span[14..]), DateTimeKind.Utc),
            Convert.ToHexStringLower(span[22..]));
    }

    private sealed record Ticket(int TenantId, int Bits, DateTime ExpiresUtc, string Salt);
}
