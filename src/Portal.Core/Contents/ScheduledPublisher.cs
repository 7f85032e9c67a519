using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;

namespace Portal.Core.Contents;

/// <summary>
/// One loop for the whole process (never a timer per tenant): finds the sites that have scheduled
/// items due, then publishes them in each site's own unit of work. Survives restarts because the
/// schedule is the items' state in the database.
/// </summary>
[CrossTenant("Finds which sites have scheduled items due; the publishing itself runs in each site's scope.")]
internal sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes,
    TenantCatalog catalog,
    TenantScopeFactory tenantScopes,
    TimeProvider clock,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    internal async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        List<int> tenantIds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow().UtcDateTime;
            tenantIds = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ContentItem>()
                .IgnoreQueryFilters([PortalDbContext.TenantFilter])
                .Where(c => c.State == ContentState.Scheduled && c.ScheduledUtc <= now && c.Latest && !c.Deleted)
                .Select(c => c.TenantId).Distinct().ToListAsync(cancellationToken);
        }

        var published = 0;
        foreach (var tenant in tenantIds.Select(catalog.FindById).OfType<Tenant>().Where(t => t.State == TenantState.Running))
        {
            await using var scope = tenantScopes.CreateScope(tenant);
            published += await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishDueAsync(cancellationToken);
        }

        return published;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled publishing failed; it will be retried.")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
