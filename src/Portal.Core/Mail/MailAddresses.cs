using MimeKit;

namespace Portal.Core.Mail;

/// <summary>
/// The one rule for a recipient address, for forms (a citizen's e-mail) and the outbox alike: a
/// single mailbox (<c>a@b.vn</c> or <c>Tên &lt;a@b.vn&gt;</c>), no group or list, at most 320
/// characters. Parsed by MimeKit, which is what will write it into the message.
/// </summary>
public static class MailAddresses
{
    public const int MaxLength = 320;

    public static bool IsValid(string? address) => TryParse(address, out _);

    internal static bool TryParse(string? address, out MailboxAddress mailbox)
    {
        mailbox = null!;
        if (string.IsNullOrWhiteSpace(address) || address.Length > MaxLength || address.Any(char.IsControl))
        {
            return false;
        }

        // RFC 2822 parsing accepts lists ("a@b, c@d") and groups; one recipient per message only.
        if (!InternetAddressList.TryParse(ParserOptions.Default, address, out var list) || list.Count != 1 || list[0] is not MailboxAddress parsed)
        {
            return false;
        }

        var at = parsed.Address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == parsed.Address.Length - 1 || parsed.Address.LastIndexOf('@') != at)
        {
            return false;
        }

        mailbox = parsed;
        return true;
    }
}
