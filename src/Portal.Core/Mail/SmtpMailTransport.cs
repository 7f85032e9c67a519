using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Portal.Core.Mail;

/// <summary>Sends through the configured SMTP server with MailKit, one connection per batch.</summary>
internal sealed class SmtpMailTransport(MailSettings settings) : IMailTransport
{
    public async Task<IMailDelivery> OpenAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = Math.Max(1, settings.TimeoutSeconds) * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, SocketOptions(settings), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            return new Delivery(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Auto is not MailKit's Auto, which falls back to plain text when a server offers no STARTTLS:
    /// a password and citizens' addresses must not cross the network in clear because a server (or
    /// someone in between) stopped offering TLS. A local relay without TLS is <c>None</c>, said
    /// on purpose.
    /// </summary>
    internal static SecureSocketOptions SocketOptions(MailSettings settings) => settings.Security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
    };

    private sealed class Delivery(SmtpClient client) : IMailDelivery
    {
        public bool IsUsable => client.IsConnected;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
            await client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or TimeoutException or OperationCanceledException)
            {
                // The messages are sent and recorded; a failed QUIT changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
