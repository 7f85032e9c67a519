using MimeKit;

namespace Portal.Core.Mail;

/// <summary>
/// Where the sender hands messages: an SMTP server (<see cref="SmtpMailTransport"/>) or, with no
/// <c>Portal:Mail:Host</c>, the pickup folder (<see cref="PickupDirectoryTransport"/>). One
/// delivery is opened per batch, so a batch of twenty reminders is one SMTP connection.
/// </summary>
internal interface IMailTransport
{
    /// <summary>Connects (and signs in); throws when the server cannot be reached, which fails the whole batch's attempt.</summary>
    Task<IMailDelivery> OpenAsync(CancellationToken cancellationToken);
}

internal interface IMailDelivery : IAsyncDisposable
{
    /// <summary>False once the connection broke: the rest of the batch waits for the next round.</summary>
    bool IsUsable { get; }

    /// <summary>Returns when the server has accepted the message (SMTP 250) or the file is in place.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

internal static class MailTransports
{
    public static IMailTransport Create(PortalOptions portal, string contentRoot)
    {
        var mail = portal.Mail;
        if (string.IsNullOrWhiteSpace(mail.Host))
        {
            var folder = Path.Combine(Persistence.PortalDatabase.DataPath(portal, contentRoot), mail.PickupDirectory);
            return new PickupDirectoryTransport(Path.GetFullPath(folder));
        }

        return new SmtpMailTransport(mail);
    }
}
