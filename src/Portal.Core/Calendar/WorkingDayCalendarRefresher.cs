using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Persistence;

namespace Portal.Core.Calendar;

/// <summary>
/// One loop for the process that notices calendar edits made by another process — the CLI running
/// a calendar recipe beside the server, another node whose NOTIFY was missed — or by a recipe of
/// this process, whose transaction commits after the step: a row count and the latest update time,
/// every <see cref="PortalOptions.TenantRefreshSeconds"/>, the same period as the site list's check.
/// </summary>
internal sealed partial class WorkingDayCalendarRefresher(
    WorkingDayCalendar calendar,
    IServiceScopeFactory scopes,
    IOptions<PortalOptions> options,
    ILogger<WorkingDayCalendarRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.TenantRefreshSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await calendar.RefreshIfChangedAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the calendar table for changes.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception ex);
}
