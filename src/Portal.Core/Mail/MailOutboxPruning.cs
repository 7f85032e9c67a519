using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Persistence;
using Portal.Core.Scheduling;

namespace Portal.Core.Mail;

/// <summary>
/// Deletes sent messages older than <see cref="MailSettings.KeepSentDays"/>, once a day on one
/// node (the kernel's own scheduled job). The keys of deleted messages are forgotten with them,
/// so a module's idempotency over longer times is its own flag, not the outbox. Failed messages
/// stay until an operator retries them (<c>mail retry</c>).
/// </summary>
[CrossTenant("Prunes every site's sent mail with one statement; nothing is read or written for a site.")]
internal sealed class MailOutboxPruning(IOptions<PortalOptions> options, TimeProvider clock) : IScheduledJob
{
    public string Name => "mail-outbox-prune";

    public TimeSpan Every => TimeSpan.FromDays(1);

    // 20:00 UTC, 03:00 in Vietnam: the quietest hour.
    public TimeSpan Offset => TimeSpan.FromHours(20);

    public async Task RunAsync(ScheduledJobContext context, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(Math.Max(1, options.Value.Mail.KeepSentDays));
        await context.Services.GetRequiredService<PortalDbContext>().Set<OutboxMessage>()
            .IgnoreQueryFilters([PortalDbContext.TenantFilter])
            .Where(m => m.State == OutboxState.Sent && m.SentUtc < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
