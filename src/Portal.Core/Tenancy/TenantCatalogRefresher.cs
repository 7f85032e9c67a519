using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Persistence;

namespace Portal.Core.Tenancy;

/// <summary>
/// One process-wide loop (never one per tenant) that notices tenants changed by another process
/// — the CLI, another node — by comparing a count and the latest update time, and reloads the catalog.
/// </summary>
internal sealed partial class TenantCatalogRefresher(
    TenantCatalog catalog,
    IServiceScopeFactory scopes,
    IOptions<PortalOptions> options,
    ILogger<TenantCatalogRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.TenantRefreshSeconds));
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await catalog.RefreshIfChangedAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the tenants table for changes.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception ex);
}
