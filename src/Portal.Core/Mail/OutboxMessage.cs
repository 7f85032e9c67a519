using Portal.Core.Persistence;

namespace Portal.Core.Mail;

/// <summary>
/// A row of the outbox (<c>MailOutbox</c>): what to send, and where its delivery stands. Owned by
/// the site it was written for (the save guard stamps it, a removed site's rows go with it); the
/// sender reads every site's rows (<see cref="MailOutboxSender"/>, a [CrossTenant] loop).
/// </summary>
internal sealed class OutboxMessage : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    /// <summary>The logical notification; unique per site (<see cref="MailMessage.Key"/>).</summary>
    public string Key { get; set; } = "";

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string? HtmlBody { get; set; }

    public DateTime CreatedUtc { get; set; }

    public OutboxState State { get; set; }

    /// <summary>Attempts made so far (a failed connection counts for every message it was for).</summary>
    public int Attempts { get; set; }

    /// <summary>Not sent before this time: creation, then the backoff after each failure.</summary>
    public DateTime NextAttemptUtc { get; set; }

    public DateTime? LastAttemptUtc { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>Why the last attempt failed, kept after giving up so an operator sees it (<c>mail queue</c>).</summary>
    public string? LastError { get; set; }

    /// <summary>The batch of one sender that holds the message (<see cref="ClaimedUntilUtc"/>), or null.</summary>
    public string? ClaimToken { get; set; }

    /// <summary>Until when the claim stands; a sender that died lets it lapse and another takes the message.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
}

internal enum OutboxState
{
    Pending,
    Sent,
    Failed,
}
