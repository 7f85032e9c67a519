namespace Portal.Core.Mail;

/// <summary>
/// The mail outbox of the current site's unit of work (scoped, like <c>PortalDbContext</c>).
/// <see cref="EnqueueAsync"/> adds the message to the scope's <c>PortalDbContext</c> and does not
/// save: it is written by the caller's own <c>SaveChangesAsync</c>, in the caller's transaction,
/// so it exists exactly when the change that caused it commits — a rolled-back answer sends no
/// "your question was answered". The process-wide sender delivers it after the commit, with
/// retries; nothing is sent from inside the request. A content event handler saves what it
/// queued itself (the manager saved the change before raising the event), inside the manager's
/// transaction. docs/architecture.md, "Mail outbox", has an example.
/// </summary>
public interface IMailOutbox
{
    /// <summary>
    /// Queues <paramref name="message"/> for the current site. False (nothing added) when the site
    /// already has a message with the same key — queued, sent or given up. Throws
    /// <see cref="ArgumentException"/> for a message <see cref="MailAddresses"/> and the length
    /// limits refuse (check citizens' input with <see cref="MailAddresses.IsValid"/> first), and
    /// <see cref="InvalidOperationException"/> when the scope has no site.
    /// </summary>
    Task<bool> EnqueueAsync(MailMessage message, CancellationToken cancellationToken = default);
}
