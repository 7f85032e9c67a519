using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Persistence;
using Portal.Core.Scheduling;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>
/// Delivers the relays a request did not deliver itself (the node died after commit, the other site
/// was briefly unreachable). Relays are rare, so one query over every site finds the few sites with
/// something pending instead of opening thousands of sites every half minute.
/// </summary>
[CrossTenant("Lists which sites have undelivered question relays (their ids only); each site's relays are then delivered in that site's own scope.")]
internal sealed class QuestionRelayJob : IScheduledJob
{
    public string Name => "questions-relays";

    public TimeSpan Every => TimeSpan.FromSeconds(30);

    public TimeSpan Lease => TimeSpan.FromMinutes(5);

    public async Task RunAsync(ScheduledJobContext context, CancellationToken cancellationToken)
    {
        List<int> siteIds;
        await using (var scope = context.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            siteIds = await db.Set<QuestionRelay>().IgnoreQueryFilters([PortalDbContext.TenantFilter])
                .Where(r => r.DeliveredUtc == null && r.Attempts < 50)
                .Select(r => r.TenantId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var site in context.Sites(QuestionContent.FeatureId).Where(s => siteIds.Contains(s.Id)))
        {
            await using var scope = context.OpenSite(site);
            await scope.ServiceProvider.GetRequiredService<QuestionRelays>().DeliverPendingAsync(cancellationToken);
        }
    }
}
