using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;

namespace Portal.Core.Mail;

/// <summary>
/// The operators' view of the outbox, for every site (the CLI's <c>mail queue</c> and <c>mail
/// retry</c>): counts by state, the messages with an error, and giving failed messages another round.
/// </summary>
[CrossTenant("Operators see and retry the whole installation's mail queue; the sites' contents are not read.")]
internal sealed class MailQueue(PortalDbContext db, TenantCatalog catalog, TimeProvider clock)
{
    private IQueryable<OutboxMessage> Outbox => db.Set<OutboxMessage>().IgnoreQueryFilters([PortalDbContext.TenantFilter]);

    public async Task<MailQueueSummary> SummaryAsync(int errors, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dayAgo = now.AddDays(-1);
        var pendingDue = await Outbox.CountAsync(m => m.State == OutboxState.Pending && m.NextAttemptUtc <= now, cancellationToken);
        var pendingLater = await Outbox.CountAsync(m => m.State == OutboxState.Pending && m.NextAttemptUtc > now, cancellationToken);
        var failed = await Outbox.CountAsync(m => m.State == OutboxState.Failed, cancellationToken);
        var sentToday = await Outbox.CountAsync(m => m.State == OutboxState.Sent && m.SentUtc >= dayAgo, cancellationToken);
        var oldest = await Outbox.Where(m => m.State == OutboxState.Pending).MinAsync(m => (DateTime?)m.CreatedUtc, cancellationToken);
        var recent = await Outbox.AsNoTracking()
            .Where(m => m.State != OutboxState.Sent && m.LastError != null)
            .OrderByDescending(m => m.LastAttemptUtc)
            .Take(Math.Clamp(errors, 0, 100))
            .ToListAsync(cancellationToken);
        return new MailQueueSummary(
            pendingDue,
            pendingLater,
            failed,
            sentToday,
            oldest,
            recent.Select(m => new MailQueueEntry(m.Id, catalog.FindById(m.TenantId)?.Name ?? $"#{m.TenantId}", m.To, m.Subject, m.State.ToString(), m.Attempts, m.LastAttemptUtc, m.NextAttemptUtc, m.LastError)).ToList());
    }

    /// <summary>Puts failed messages (all, or one by id) back in the queue as new: due now, attempts from zero. Returns how many.</summary>
    public Task<int> RetryFailedAsync(int? id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return Outbox
            .Where(m => m.State == OutboxState.Failed && (id == null || m.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptUtc, now), cancellationToken);
    }
}

internal sealed record MailQueueSummary(int PendingDue, int PendingLater, int Failed, int SentLastDay, DateTime? OldestPendingUtc, IReadOnlyList<MailQueueEntry> Errors);

internal sealed record MailQueueEntry(int Id, string Site, string To, string Subject, string State, int Attempts, DateTime? LastAttemptUtc, DateTime NextAttemptUtc, string? LastError);
