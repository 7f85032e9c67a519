using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.News.Models;

namespace Portal.News.Services;

/// <summary>
/// Counts article views in memory and writes them in batches every few seconds, one UPDATE per
/// article and period rather than one write per view (a popular article would otherwise serialise
/// every reader on its row). Counts still in memory at a crash are lost; that is accepted.
/// </summary>
public sealed partial class ViewCounter(TenantCatalog catalog, TenantScopeFactory scopes, ILogger<ViewCounter> logger) : BackgroundService
{
    private ConcurrentDictionary<(int TenantId, string ContentItemId), int> _pending = new();

    public void Count(int tenantId, string contentItemId) =>
        _pending.AddOrUpdate((tenantId, contentItemId), 1, (_, n) => n + 1);

    /// <summary>Views counted but not yet written (shown on top of the stored count).</summary>
    public int Pending(int tenantId, string contentItemId) => _pending.GetValueOrDefault((tenantId, contentItemId));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = Interlocked.Exchange(ref _pending, new());
        foreach (var site in batch.GroupBy(e => e.Key.TenantId))
        {
            if (catalog.FindById(site.Key) is not { } tenant)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateScope(tenant);
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

                // One transaction per site and period: a busy site has thousands of articles read
                // in five seconds, and a commit per article would be a disk flush per article.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var entry in site)
                {
                    var id = entry.Key.ContentItemId;
                    var views = entry.Value;
                    await db.Set<PublishedArticle>().Where(a => a.ContentItemId == id)
                        .ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, a => a.ViewCount + views), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFlushFailed(logger, tenant.Name, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write view counts of {Tenant}.")]
    private static partial void LogFlushFailed(ILogger logger, string tenant, Exception ex);
}
