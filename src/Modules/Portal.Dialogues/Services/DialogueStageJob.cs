using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Persistence;
using Portal.Core.Scheduling;
using Portal.Dialogues.Models;

namespace Portal.Dialogues.Services;

/// <summary>
/// Every minute, on one node: dialogues whose planned start or end has come move to live or ended
/// (<see cref="DialogueStages.Planned"/>). One cross-site query finds the few sites with something
/// due; each site's dialogues are then moved in that site's own scope. Running twice is harmless:
/// a moved dialogue is no longer due.
/// </summary>
[CrossTenant("Lists which sites have a dialogue not yet ended whose planned start has passed (their ids only); each site's stages are then moved in that site's own scope.")]
internal sealed class DialogueStageJob(TimeProvider clock) : IScheduledJob
{
    public string Name => "dialogues-stages";

    public TimeSpan Every => TimeSpan.FromMinutes(1);

    public async Task RunAsync(ScheduledJobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> siteIds;
        await using (var scope = context.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            siteIds = await db.Set<Dialogue>().IgnoreQueryFilters([PortalDbContext.TenantFilter])
                .Where(d => d.Stage != DialogueStage.Ended && d.StartUtc <= now)
                .Select(d => d.TenantId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var site in context.Sites(DialogueContent.FeatureId).Where(s => siteIds.Contains(s.Id)))
        {
            await using var scope = context.OpenSite(site);
            await scope.ServiceProvider.GetRequiredService<DialogueStages>().ApplyPlanAsync(cancellationToken);
        }
    }
}
