using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;

namespace Portal.Core.Mail;

/// <summary>
/// <see cref="IMailOutbox"/> over the scope's <see cref="PortalDbContext"/>: the row is added to the
/// caller's unit of work and saved by the caller, never here. The key check reads the site's rows
/// and what this unit of work already added; two units of work racing with one key both pass it,
/// and the unique index (site, key) refuses the later commit — the caller's change fails with it,
/// which is right for a duplicate notification of a duplicate change.
/// </summary>
internal sealed class MailOutbox(PortalDbContext db, TenantContext site, TimeProvider clock) : IMailOutbox
{
    public const int MaxKeyLength = 200;
    public const int MaxSubjectLength = 300;
    public const int MaxTextLength = 200_000;
    public const int MaxHtmlLength = 1_000_000;

    public async Task<bool> EnqueueAsync(MailMessage message, CancellationToken cancellationToken = default)
    {
        Validate(message);
        if (!site.IsResolved)
        {
            throw new InvalidOperationException("A mail can only be queued in a site's unit of work (open one with TenantScopeFactory.CreateScope).");
        }

        var queuedHere = db.ChangeTracker.Entries<OutboxMessage>()
            .Any(e => e.State == EntityState.Added && string.Equals(e.Entity.Key, message.Key, StringComparison.Ordinal));
        if (queuedHere || await db.Set<OutboxMessage>().AnyAsync(m => m.Key == message.Key, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new OutboxMessage
        {
            TenantId = site.TenantId,
            Key = message.Key,
            To = message.To.Trim(),
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = string.IsNullOrEmpty(message.HtmlBody) ? null : message.HtmlBody,
            CreatedUtc = now,
            State = OutboxState.Pending,
            NextAttemptUtc = now,
        });
        return true;
    }

    internal static void Validate(MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.Key) || message.Key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A mail's key must be 1–{MaxKeyLength} characters.");
        }

        if (!MailAddresses.IsValid(message.To))
        {
            throw new ArgumentException($"'{Shorten(message.To)}' is not one e-mail address.");
        }

        // A line break in a subject is a header injection attempt or a mistake; either way, refused.
        if (string.IsNullOrWhiteSpace(message.Subject) || message.Subject.Length > MaxSubjectLength || message.Subject.Any(char.IsControl))
        {
            throw new ArgumentException($"A mail's subject must be 1–{MaxSubjectLength} characters on one line.");
        }

        if (string.IsNullOrWhiteSpace(message.TextBody) || message.TextBody.Length > MaxTextLength)
        {
            throw new ArgumentException($"A mail's text must be 1–{MaxTextLength:N0} characters.");
        }

        if (message.HtmlBody is { Length: > MaxHtmlLength })
        {
            throw new ArgumentException($"A mail's HTML must be at most {MaxHtmlLength:N0} characters.");
        }
    }

    private static string Shorten(string? value) =>
        value is null ? "" : value.Length <= 80 ? value : value[..80] + "…";
}
