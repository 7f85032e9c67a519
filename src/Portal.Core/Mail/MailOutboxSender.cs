using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;

namespace Portal.Core.Mail;

/// <summary>
/// The one mail sender of the process (never one per site), on every node: every
/// <see cref="MailSettings.PollSeconds"/> it claims up to <see cref="BatchSize"/> due messages of
/// any site, sends them over one connection, and records each outcome.
/// <para>
/// Claims make a message go out once with several nodes, on both providers, without a lock: a
/// batch's ids are read, then taken with one conditional UPDATE that repeats the conditions
/// (pending, due, claim free or lapsed) and writes a fresh token. PostgreSQL re-checks those
/// conditions on a row another transaction has just changed, and SQLite has one writer at a time,
/// so of two senders that read the same id only one UPDATE takes it; each then reads back the
/// rows carrying its own token. Just before each send the sender renews the claim of that one row
/// (<c>WHERE ClaimToken = mine</c>), so a row whose batch claim lapsed and was taken by another
/// sender is skipped, and a send is cut off (<see cref="SendLimit"/>) before the renewed claim can lapse.
/// </para>
/// <para>
/// Delivery is at least once: a process that dies after the server accepted a message and before
/// its row says so sends it again when the claim lapses (the same Message-Id both times). Killed
/// at any other moment, nothing is lost (the row is still pending) and nothing doubles.
/// </para>
/// </summary>
[CrossTenant("The installation's one mail sender delivers every site's queued messages; each row keeps its site.")]
internal sealed partial class MailOutboxSender(
    IServiceScopeFactory scopes,
    TenantCatalog catalog,
    IMailTransport transport,
    IOptions<PortalOptions> options,
    TimeProvider clock,
    ILogger<MailOutboxSender> logger) : BackgroundService
{
    public const int BatchSize = 20;

    private MailSettings Settings => options.Value.Mail;

    private TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(1, Settings.TimeoutSeconds));

    /// <summary>The longest one message's send (or the batch's connection) may take: a few server round trips.</summary>
    private TimeSpan SendLimit => Timeout * 3;

    /// <summary>How long a claim stands: longer than <see cref="SendLimit"/>, so a renewed claim outlives the send it covers.</summary>
    internal TimeSpan ClaimFor => (Timeout * 4) + TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, Settings.PollSeconds)), clock);
        try
        {
            do
            {
                try
                {
                    // A full batch means more may be due: go on at once rather than a poll later —
                    // unless the server could not be reached, which the next poll tries again.
                    MailRound round;
                    do
                    {
                        round = await SendDueAsync(stoppingToken);
                    }
                    while (round.Claimed == BatchSize && !round.Unreachable);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; claimed rows were released or lapse on their own.
        }
    }

    /// <summary>One round: claim what is due, send it, record each outcome.</summary>
    internal async Task<MailRound> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var claimed = await ClaimAsync(db, cancellationToken);
        if (claimed.Count == 0)
        {
            return new MailRound(0, 0, 0);
        }

        var token = claimed[0].ClaimToken!;
        IMailDelivery delivery;
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(SendLimit);
            delivery = await transport.OpenAsync(limit.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The server cannot be reached: every message of the batch was tried and waits its backoff.
            LogUnreachable(logger, claimed.Count, MailRetry.Describe(ex));
            foreach (var row in claimed)
            {
                await RecordFailureAsync(db, row, token, ex, cancellationToken);
            }

            return new MailRound(claimed.Count, 0, claimed.Count, Unreachable: true);
        }

        int sent = 0, failed = 0;
        await using (delivery)
        {
            foreach (var row in claimed)
            {
                if (cancellationToken.IsCancellationRequested || !delivery.IsUsable || !await RenewAsync(db, row, token, cancellationToken))
                {
                    continue;
                }

                try
                {
                    var message = MailComposer.Compose(row, Settings, catalog.FindById(row.TenantId)?.DisplayName);
                    using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    limit.CancelAfter(SendLimit);
                    await delivery.SendAsync(message, limit.Token);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failed++;
                    await RecordFailureAsync(db, row, token, ex, cancellationToken);
                    continue;
                }

                // Recorded even when stopping: the server has the message, the row must say so.
                await MarkSentAsync(db, row, token);
                sent++;
            }
        }

        // Rows not tried (stopping, a broken connection) go back at once, no attempt counted.
        await ReleaseAsync(db, token);
        return new MailRound(claimed.Count, sent, failed);
    }

    private IQueryable<OutboxMessage> Outbox(PortalDbContext db) =>
        db.Set<OutboxMessage>().IgnoreQueryFilters([PortalDbContext.TenantFilter]);

    private async Task<List<OutboxMessage>> ClaimAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await Outbox(db)
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        var token = Guid.NewGuid().ToString("N");
        var until = now + ClaimFor;
        await Outbox(db)
            .Where(m => due.Contains(m.Id) && m.State == OutboxState.Pending && m.NextAttemptUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntilUtc, until), cancellationToken);
        return await Outbox(db).AsNoTracking()
            .Where(m => m.ClaimToken == token)
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Confirms the row is still this batch's and extends its claim over the coming send.</summary>
    private async Task<bool> RenewAsync(PortalDbContext db, OutboxMessage row, string token, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow().UtcDateTime + ClaimFor;
        return await Outbox(db)
            .Where(m => m.Id == row.Id && m.ClaimToken == token && m.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, until), cancellationToken) == 1;
    }

    private Task MarkSentAsync(PortalDbContext db, OutboxMessage row, string token)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return Outbox(db)
            .Where(m => m.Id == row.Id && m.ClaimToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Sent)
                .SetProperty(m => m.SentUtc, now)
                .SetProperty(m => m.LastAttemptUtc, now)
                .SetProperty(m => m.Attempts, row.Attempts + 1)
                .SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    private async Task RecordFailureAsync(PortalDbContext db, OutboxMessage row, string token, Exception exception, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = row.Attempts + 1;
        var giveUp = MailRetry.IsPermanent(exception) || attempts >= Math.Max(1, Settings.MaxAttempts);
        var error = MailRetry.Describe(exception);
        var next = now + MailRetry.Delay(attempts, Settings);
        await Outbox(db)
            .Where(m => m.Id == row.Id && m.ClaimToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, giveUp ? OutboxState.Failed : OutboxState.Pending)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastAttemptUtc, now)
                .SetProperty(m => m.NextAttemptUtc, next)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
        if (giveUp)
        {
            LogGaveUp(logger, row.Id, row.TenantId, attempts, error);
        }
    }

    private async Task ReleaseAsync(PortalDbContext db, string token)
    {
        try
        {
            await Outbox(db)
                .Where(m => m.ClaimToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, (string?)null).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            // The claims lapse by themselves.
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending queued mail failed; it will be retried.")]
    private static partial void LogFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server cannot be reached ({Error}); {Count} messages wait for their next attempt.")]
    private static partial void LogUnreachable(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up mail {Id} of site {TenantId} after {Attempts} attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, int id, int tenantId, int attempts, string error);
}

/// <summary>What one round of the sender did (the tests' and the loop's measure).</summary>
internal readonly record struct MailRound(int Claimed, int Sent, int Failed, bool Unreachable = false);
