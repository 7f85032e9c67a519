using MimeKit;

namespace Portal.Core.Mail;

/// <summary>
/// Without an SMTP server (development, the demo) each message becomes an .eml file in the pickup
/// folder, through the same outbox, claims and retries as real mail — what a developer sees there
/// is what citizens would receive. The name comes from the outbox row (its Message-Id), and the
/// file is written under a temporary name and then renamed, so a message written twice (a sender
/// that died before recording it) is one file, and a reader of the folder never sees half a message.
/// </summary>
internal sealed class PickupDirectoryTransport(string directory) : IMailTransport
{
    public string Directory { get; } = directory;

    public Task<IMailDelivery> OpenAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Task.FromResult<IMailDelivery>(new Delivery(Directory));
    }

    internal static string FileName(MimeMessage message)
    {
        var id = message.MessageId ?? Guid.NewGuid().ToString("N");
        var at = id.IndexOf('@', StringComparison.Ordinal);
        var local = at > 0 ? id[..at] : id;
        return new string(local.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray()) + ".eml";
    }

    private sealed class Delivery(string directory) : IMailDelivery
    {
        public bool IsUsable => true;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var path = Path.Combine(directory, FileName(message));
            var temporary = path + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
