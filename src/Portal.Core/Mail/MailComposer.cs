using MimeKit;

namespace Portal.Core.Mail;

/// <summary>
/// Turns an outbox row into the MIME message that is sent. MimeKit writes non-ASCII headers as
/// RFC 2047 UTF-8 words and the bodies as UTF-8 parts, so Vietnamese subjects and texts arrive as
/// they were queued. The Message-Id is derived from the row, so a message delivered twice (the
/// sender died between the server's acceptance and recording it) carries the same id both times
/// and mail clients can fold the copies.
/// </summary>
internal static class MailComposer
{
    public static MimeMessage Compose(OutboxMessage row, MailSettings settings, string? siteName)
    {
        if (!MailAddresses.TryParse(settings.From, out var from))
        {
            throw new InvalidOperationException($"Portal:Mail:From ('{settings.From}') is not one e-mail address.");
        }

        if (!MailAddresses.TryParse(row.To, out var to))
        {
            throw new FormatException($"'{row.To}' is not one e-mail address.");
        }

        var name = !string.IsNullOrWhiteSpace(settings.FromName) ? settings.FromName
            : !string.IsNullOrWhiteSpace(from.Name) ? from.Name
            : siteName ?? "";
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(name, from.Address));
        message.To.Add(to);
        message.Subject = row.Subject;
        message.Date = new DateTimeOffset(row.CreatedUtc, TimeSpan.Zero);
        message.MessageId = MessageId(row, from.Address);
        message.Body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody }.ToMessageBody();
        return message;
    }

    internal static string MessageId(OutboxMessage row, string fromAddress)
    {
        var domain = fromAddress[(fromAddress.LastIndexOf('@') + 1)..];
        return $"portal-outbox-{row.TenantId}-{row.Id}@{domain}";
    }
}
