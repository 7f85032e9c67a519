namespace Portal.Core.Mail;

/// <summary>
/// One message a module wants sent, handed to <see cref="IMailOutbox.EnqueueAsync"/>.
/// <see cref="Key"/> names the logical notification ("qna:answered:Q-2026-0042",
/// "qna:reminder:Q-2026-0042:2026-12-08"): a site's outbox holds one message per key, so enqueueing
/// the same notification again — a retried request, a job that runs again — adds nothing.
/// The sender address is the installation's (<c>Portal:Mail:From</c>), never the module's.
/// </summary>
public sealed record MailMessage(string Key, string To, string Subject, string TextBody)
{
    /// <summary>An HTML alternative of <see cref="TextBody"/>; the plain text is always sent too.</summary>
    public string? HtmlBody { get; init; }
}
