using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Core.Persistence;

/// <summary>
/// An in-memory copy of a small table (the site list, the working-day calendar) that notices rows
/// changed by another process — the CLI, another node whose NOTIFY was missed, a recipe whose
/// transaction committed after it ran — with a cheap fingerprint (a row count and the latest update).
/// </summary>
internal interface IDatabaseChangeCheck
{
    /// <summary>What is checked, for the log.</summary>
    string Checked { get; }

    Task RefreshIfChangedAsync(PortalDbContext db, CancellationToken cancellationToken);
}

/// <summary>
/// One loop for the process (never one per site or per table): every
/// <see cref="PortalOptions.TenantRefreshSeconds"/>, one scope and connection for every
/// <see cref="IDatabaseChangeCheck"/>; a check that fails is logged and tried again next time, without
/// holding up the others.
/// </summary>
internal sealed partial class DatabaseChangeRefresher(
    IEnumerable<IDatabaseChangeCheck> checks,
    IServiceScopeFactory scopes,
    IOptions<PortalOptions> options,
    ILogger<DatabaseChangeRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.TenantRefreshSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            foreach (var check in checks)
            {
                try
                {
                    await check.RefreshIfChangedAsync(db, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRefreshFailed(logger, check.Checked, ex);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check {Checked} for changes.")]
    private static partial void LogRefreshFailed(ILogger logger, string @checked, Exception ex);
}
