using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;

namespace Portal.Core.Scheduling;

/// <summary>
/// The one scheduler of the process (never a timer per site or per job): every
/// <see cref="SchedulerSettings.TickSeconds"/> it reads the lease rows of all jobs in one query and
/// starts those whose current period has not run. A node takes a run with one conditional UPDATE
/// of the job's row — "last period before this one, and no lease standing" — and only the node
/// whose UPDATE changed the row runs it: PostgreSQL re-checks the condition on a row another
/// transaction has just changed, SQLite has one writer. Success records the period; failure
/// records the error and holds the job back for a minute (at most its period) before any node
/// tries the same period again.
/// </summary>
internal sealed partial class JobScheduler(
    IEnumerable<IScheduledJob> registered,
    IServiceScopeFactory scopes,
    TenantCatalog catalog,
    TenantScopeFactory sites,
    IOptions<PortalOptions> options,
    TimeProvider clock,
    ILogger<JobScheduler> logger) : BackgroundService
{
    public const int MaxNameLength = 100;

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    private readonly IReadOnlyList<IScheduledJob> _jobs = Checked(registered);
    private bool _rowsEnsured;

    /// <summary>This scheduler in the lease rows: readable for operators, unique per process and host.</summary>
    internal string Holder { get; } = $"{Environment.MachineName[..Math.Min(150, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    internal IReadOnlyList<IScheduledJob> Jobs => _jobs;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_jobs.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.Scheduler.TickSeconds)), clock);
        try
        {
            do
            {
                try
                {
                    await RunDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTickFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a run in progress was cancelled and its lease released or left to lapse.
        }
    }

    /// <summary>One tick: runs, concurrently, every job whose period is due and that this node could take; returns their names.</summary>
    internal async Task<IReadOnlyList<string>> RunDueAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, ScheduledJobLease> leases;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (!_rowsEnsured)
            {
                await EnsureRowsAsync(db, cancellationToken);
                _rowsEnsured = true;
            }

            leases = await db.Set<ScheduledJobLease>().AsNoTracking().ToDictionaryAsync(l => l.Name, StringComparer.Ordinal, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var runs = new List<Task<string?>>();
        foreach (var job in _jobs)
        {
            var period = JobPeriods.Start(now, job.Every, job.Offset);
            if (leases.TryGetValue(job.Name, out var lease)
                && (lease.LastPeriodUtc >= period || lease.LeaseUntilUtc >= now))
            {
                continue; // ran this period, or held (running elsewhere, or waiting after a failure)
            }

            runs.Add(TryRunAsync(job, period, lease?.LastPeriodUtc, cancellationToken));
        }

        var ran = await Task.WhenAll(runs);
        return ran.OfType<string>().ToList();
    }

    private async Task<string?> TryRunAsync(IScheduledJob job, DateTime period, DateTime? previous, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = job.Lease > TimeSpan.FromSeconds(10) ? job.Lease : TimeSpan.FromSeconds(10);
        var leaseUntil = now + lease;
        int taken;
        await using (var scope = scopes.CreateAsyncScope())
        {
            taken = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ScheduledJobLease>()
                .Where(l => l.Name == job.Name && (l.LastPeriodUtc == null || l.LastPeriodUtc < period) && (l.LeaseUntilUtc == null || l.LeaseUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Holder).SetProperty(l => l.LeaseUntilUtc, leaseUntil).SetProperty(l => l.LastStartedUtc, now), cancellationToken);
        }

        if (taken != 1)
        {
            return null; // another node took this period
        }

        Exception? failure = null;
        try
        {
            // The job's own scope: whatever state it leaves its context in, the lease row is written apart.
            await using var scope = scopes.CreateAsyncScope();
            // Stopped a little before the lease lapses, so that a run never overlaps another node's.
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(lease - TimeSpan.FromSeconds(5));
            await job.RunAsync(new ScheduledJobContext(scope.ServiceProvider, catalog, sites, period, previous), limit.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            failure = ex;
            LogJobFailed(logger, job.Name, ex);
        }
        catch (OperationCanceledException)
        {
            // Stopping: give the period back at once for another node (or the next start).
            await FinishAsync(job.Name, s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.LeaseUntilUtc, (DateTime?)null));
            throw;
        }

        var finished = clock.GetUtcNow().UtcDateTime;
        if (failure is null)
        {
            await FinishAsync(job.Name, s => s
                .SetProperty(l => l.LastPeriodUtc, period)
                .SetProperty(l => l.Holder, (string?)null)
                .SetProperty(l => l.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(l => l.LastFinishedUtc, finished)
                .SetProperty(l => l.LastError, (string?)null));
            return job.Name;
        }

        var retryAt = finished + (job.Every < RetryAfterFailure ? job.Every : RetryAfterFailure);
        var error = $"{failure.GetType().Name}: {failure.Message}".ReplaceLineEndings(" ");
        error = error.Length <= 2000 ? error : error[..2000];
        await FinishAsync(job.Name, s => s
            .SetProperty(l => l.Holder, (string?)null)
            .SetProperty(l => l.LeaseUntilUtc, retryAt)
            .SetProperty(l => l.LastFinishedUtc, finished)
            .SetProperty(l => l.LastError, error));
        return null;
    }

    /// <summary>Writes the run's outcome on the row this scheduler holds (never on one another node took after a lapse).</summary>
    private async Task FinishAsync(string name, Action<UpdateSettersBuilder<ScheduledJobLease>> setters)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ScheduledJobLease>()
            .Where(l => l.Name == name && l.Holder == Holder)
            .ExecuteUpdateAsync(setters, CancellationToken.None);
    }

    /// <summary>One row per registered job, made by whichever node starts first (a racing insert is ignored).</summary>
    private async Task EnsureRowsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        foreach (var job in _jobs)
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "ScheduledJobs" ("Name") VALUES ({job.Name}) ON CONFLICT ("Name") DO NOTHING""", cancellationToken);
        }
    }

    private static List<IScheduledJob> Checked(IEnumerable<IScheduledJob> jobs)
    {
        var list = jobs.ToList();
        foreach (var job in list)
        {
            if (string.IsNullOrWhiteSpace(job.Name) || job.Name.Length > MaxNameLength)
            {
                throw new InvalidOperationException($"Scheduled job {job.GetType().Name} needs a name of 1–{MaxNameLength} characters.");
            }

            // Refused at start, not at the first tick: a wrong period is a programming error.
            _ = JobPeriods.Start(DateTime.UnixEpoch, job.Every, job.Offset);
        }

        if (list.GroupBy(j => j.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidOperationException($"Two scheduled jobs are named '{duplicate.Key}'.");
        }

        return list;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scheduler could not read or take its jobs; it tries again next tick.")]
    private static partial void LogTickFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job '{Job}' failed; it runs again in at most a minute.")]
    private static partial void LogJobFailed(ILogger logger, string job, Exception ex);
}
