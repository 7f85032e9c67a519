using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Mail;
using Portal.Core.Persistence;
using Portal.Core.Scheduling;
using Portal.Tests.Infrastructure;
using Portal.Tests.Kernel.Mail;

namespace Portal.Tests.Kernel.Scheduling;

/// <summary>
/// Two nodes (two hosts on one database, one clock the test moves) running the same jobs: each
/// period runs once, on one of them, however often both schedulers look; a failed run is retried;
/// a job that queues mail per site (the Q&amp;A reminders' shape) sends one message per site and period.
/// </summary>
public abstract class JobSchedulerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly ShiftableClock _clock = new();
    private readonly CountingJob _counting = new();
    private readonly FlakyJob _flaky = new();
    private readonly ReminderJob _reminders = new();
    private TestDatabase _database = null!;
    private PortalFactory _first = null!;
    private PortalFactory _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _first = Node();
        _ = _first.Server;
        _second = Node();
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        _database.Dispose();
    }

    // The pickup folder: no SMTP server needed to count what the reminder job queued.
    private PortalFactory Node() => MailTestHost.Create(_database, clock: _clock, more: services =>
    {
        services.AddSingleton<IScheduledJob>(_counting);
        services.AddSingleton<IScheduledJob>(_flaky);
        services.AddSingleton<IScheduledJob>(_reminders);
    });

    private Task<IReadOnlyList<string>[]> BothLookAsync() =>
        Task.WhenAll(new[] { _first, _second, _first, _second }.Select(n => Task.Run(() => n.Service<JobScheduler>().RunDueAsync(CancellationToken.None))));

    [Fact]
    public async Task Each_period_runs_once_on_one_node_however_often_both_look()
    {
        for (var i = 0; i < 5; i++)
        {
            await BothLookAsync();
        }

        // A node's own loop may hold the run at this moment: wait for it to finish, then for nothing more.
        await DoneAsync(_counting.Name, () => _counting.Runs.Count >= 1);
        var firstPeriod = Assert.Single(_counting.Runs);

        _clock.Offset += CountingJob.Period;
        for (var i = 0; i < 5; i++)
        {
            await BothLookAsync();
        }

        await DoneAsync(_counting.Name, () => _counting.Runs.Count >= 2);
        Assert.Equal(2, _counting.Runs.Count);
        Assert.Equal(firstPeriod.Period + CountingJob.Period, _counting.Runs.Max(r => r.Period));
        Assert.Equal(2, _counting.Runs.Select(r => r.Period).Distinct().Count());
        await using var scope = _first.Services.CreateAsyncScope();
        var lease = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ScheduledJobLease>().SingleAsync(l => l.Name == _counting.Name);
        Assert.Equal(firstPeriod.Period + CountingJob.Period, lease.LastPeriodUtc);
        Assert.Null(lease.Holder);
        Assert.Null(lease.LastError);
    }

    [Fact]
    public async Task A_failed_run_keeps_its_error_and_is_run_again_after_a_minute()
    {
        await BothLookAsync();
        await DoneAsync(_flaky.Name, () => _flaky.Attempts >= 1);
        Assert.Equal(1, _flaky.Attempts);
        var failed = await LeaseAsync(_flaky.Name);
        Assert.Contains("Lỗi thử nghiệm", failed.LastError, StringComparison.Ordinal);
        Assert.Null(failed.LastPeriodUtc);

        await BothLookAsync();
        Assert.Equal(1, _flaky.Attempts); // held back for a minute, on both nodes

        _clock.Offset += TimeSpan.FromSeconds(61);
        await BothLookAsync();
        await DoneAsync(_flaky.Name, () => _flaky.Attempts >= 2);

        Assert.Equal(2, _flaky.Attempts);
        var done = await LeaseAsync(_flaky.Name);
        Assert.Null(done.LastError);
        Assert.NotNull(done.LastPeriodUtc);
    }

    [Fact]
    public async Task A_job_that_queues_mail_per_site_queues_one_message_per_site_and_period()
    {
        var commune = await _first.ProvisionAsync("xa-nhac-han");
        await _second.Service<Portal.Core.Tenancy.TenantCatalog>().ReloadAsync();
        _clock.Offset += ReminderJob.Period;
        for (var i = 0; i < 4; i++)
        {
            await BothLookAsync();
        }

        await DoneAsync(_reminders.Name, () => _reminders.Runs.Any(p => p > DateTime.UtcNow));

        // The period after the shift ran once, on one node, for both sites (the one of the start
        // may have run before the commune existed).
        var period = Assert.Single(_reminders.Runs, p => p > DateTime.UtcNow);
        foreach (var site in new[] { MailTestHost.DefaultSite(_first), commune })
        {
            var rows = await MailTestHost.RowsAsync(_first, site);
            Assert.Single(rows, r => r.Key == ReminderJob.Key(period));
        }

        Assert.Null((await LeaseAsync(_reminders.Name)).LastError);
    }

    /// <summary>Waits until <paramref name="ran"/> holds and no node holds the job's lease, then a little longer for a run that should not come.</summary>
    private async Task DoneAsync(string name, Func<bool> ran)
    {
        Assert.True(await MailTestHost.EventuallyAsync(async () => ran() && (await LeaseAsync(name)).Holder is null, 10), $"{name} did not run");
        await Task.Delay(300);
    }

    private async Task<ScheduledJobLease> LeaseAsync(string name)
    {
        await using var scope = _first.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ScheduledJobLease>().AsNoTracking().SingleAsync(l => l.Name == name);
    }

    /// <summary>A period that starts half a period before the test, so the test never straddles a boundary.</summary>
    private static TimeSpan MidPeriodOffset(TimeSpan every) =>
        TimeSpan.FromTicks(((DateTime.UtcNow - DateTime.UnixEpoch).Ticks + (every.Ticks / 2)) % every.Ticks);

    private sealed class CountingJob : IScheduledJob
    {
        public static readonly TimeSpan Period = TimeSpan.FromHours(6);

        private static readonly TimeSpan StartOffset = MidPeriodOffset(Period);

        public ConcurrentBag<(DateTime Period, string Holder)> Runs { get; } = [];

        public string Name => "test-counting";

        public TimeSpan Every => Period;

        public TimeSpan Offset => StartOffset;

        public async Task RunAsync(ScheduledJobContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(50, cancellationToken); // long enough for the other node to try meanwhile
            Runs.Add((context.PeriodStartUtc, context.Services.GetRequiredService<JobScheduler>().Holder));
        }
    }

    private sealed class FlakyJob : IScheduledJob
    {
        private static readonly TimeSpan StartOffset = MidPeriodOffset(TimeSpan.FromDays(1));
        private int _attempts;

        public int Attempts => _attempts;

        public string Name => "test-flaky";

        public TimeSpan Every => TimeSpan.FromDays(1);

        public TimeSpan Offset => StartOffset;

        public Task RunAsync(ScheduledJobContext context, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _attempts) == 1
                ? throw new InvalidOperationException("Lỗi thử nghiệm: máy chủ bận.")
                : Task.CompletedTask;
    }

    /// <summary>The Q&amp;A reminders' shape: per site with the feature, a message whose key names the period.</summary>
    private sealed class ReminderJob : IScheduledJob
    {
        public static readonly TimeSpan Period = TimeSpan.FromHours(12);

        private static readonly TimeSpan StartOffset = MidPeriodOffset(Period);

        public ConcurrentBag<DateTime> Runs { get; } = [];

        public string Name => "test-reminders";

        public TimeSpan Every => Period;

        public TimeSpan Offset => StartOffset;

        public static string Key(DateTime period) => $"reminder:{period:yyyyMMddHHmm}";

        public async Task RunAsync(ScheduledJobContext context, CancellationToken cancellationToken)
        {
            Runs.Add(context.PeriodStartUtc);
            foreach (var site in context.Sites("Portal.Pages"))
            {
                await using var scope = context.OpenSite(site);
                var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
                await outbox.EnqueueAsync(new MailMessage(Key(context.PeriodStartUtc), "can-bo@anhoa.gov.vn", $"Nhắc hạn trả lời — {site.DisplayName}", "Còn một ngày làm việc đến hạn trả lời câu hỏi."), cancellationToken);
                await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync(cancellationToken);
            }
        }
    }
}

public sealed class JobSchedulerTestsSqlite() : JobSchedulerTests(DatabaseProvider.Sqlite);

public sealed class JobSchedulerTestsPostgres() : JobSchedulerTests(DatabaseProvider.Postgres);
