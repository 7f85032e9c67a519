using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Caching;
using Portal.Core.Persistence;

namespace Portal.Core.Calendar;

/// <summary>
/// The installation's <see cref="IWorkingDayCalendar"/>: the <c>CalendarDays</c> table held in
/// memory as one immutable <see cref="WorkingDayRules"/> (a few dozen rows a year), swapped whole
/// when the table changes. This process reloads right after its own edits; other processes (nodes,
/// the CLI) are noticed by <see cref="DatabaseChangeRefresher"/>'s fingerprint check and, on
/// PostgreSQL, at once by a <c>calendar</c> message on the nodes' channel.
/// </summary>
internal sealed partial class WorkingDayCalendar : IWorkingDayCalendar, IDatabaseChangeCheck
{
    internal const string ChangedMessage = "calendar";

    private readonly IServiceScopeFactory _scopes;
    private readonly ClusterEvents? _cluster;
    private readonly ILogger<WorkingDayCalendar> _logger;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly Lock _firstLoadLock = new();

    /// <summary>Years already logged as without data since the last reload (one warning per year, not per call).</summary>
    private readonly ConcurrentDictionary<int, bool> _warned = new();

    private volatile Snapshot? _snapshot;

    public WorkingDayCalendar(IServiceScopeFactory scopes, ILogger<WorkingDayCalendar> logger, ClusterEvents? cluster = null)
    {
        _scopes = scopes;
        _logger = logger;
        _cluster = cluster;
        if (cluster is not null)
        {
            cluster.Received += message =>
            {
                if (message == ChangedMessage)
                {
                    _ = ReloadQuietlyAsync();
                }
            };
        }
    }

    /// <summary>The rules now; the first call before <see cref="ReloadAsync"/> (start-up does it) reads the table.</summary>
    internal WorkingDayRules Rules => (_snapshot ?? LoadFirst()).Rules;

    public bool IsWorkingDay(DateOnly day)
    {
        var rules = Rules;
        WarnAbout(rules, day.Year, day.Year);
        return rules.IsWorkingDay(day);
    }

    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        var rules = Rules;
        var due = rules.AddWorkingDays(day, workingDays);
        WarnAbout(rules.YearsWithoutData(day, due));
        return due;
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var rules = Rules;
        WarnAbout(rules.YearsWithoutData(from, to));
        return rules.WorkingDaysBetween(from, to);
    }

    public WorkingDayDeadline Deadline(DateTime receivedUtc, int workingDays)
    {
        var deadline = Rules.Deadline(receivedUtc, workingDays);
        WarnAbout(deadline.YearsWithoutData);
        return deadline;
    }

    public bool HasDataFor(int year) => Rules.HasYear(year);

    /// <summary>Reads the table again (after an edit here, on a message from another node, at start).</summary>
    internal async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var rows = await Query(scope.ServiceProvider.GetRequiredService<PortalDbContext>()).ToListAsync(cancellationToken);
            Replace(rows);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    /// <summary>Reloads when the table's fingerprint (row count, latest update) differs from the one in memory: another process wrote.</summary>
    public string Checked => "the calendar table";

    public async Task RefreshIfChangedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (_snapshot is not { } current)
        {
            return; // not read yet: the first use reads the table as it is then
        }

        var days = db.Set<CalendarDay>();
        var count = await days.CountAsync(cancellationToken);
        var last = count == 0 ? DateTime.MinValue : await days.MaxAsync(d => d.UpdatedUtc, cancellationToken);
        if ((count, last) != current.Stamp)
        {
            await ReloadAsync(cancellationToken);
        }
    }

    /// <summary>After a committed edit in this process: reload here and tell the other nodes.</summary>
    internal async Task ChangedAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        _cluster?.Publish(ChangedMessage);
    }

    private static IQueryable<Row> Query(PortalDbContext db) =>
        db.Set<CalendarDay>().AsNoTracking().Select(d => new Row(d.Date, d.Kind, d.UpdatedUtc));

    private Snapshot LoadFirst()
    {
        lock (_firstLoadLock)
        {
            if (_snapshot is { } loaded)
            {
                return loaded;
            }

            // Synchronous, once per process and only when something asks before start-up's load
            // (a test's service, a tool): a small table, read on a thread that waits anyway.
            using var scope = _scopes.CreateScope();
            return Replace([.. Query(scope.ServiceProvider.GetRequiredService<PortalDbContext>())]);
        }
    }

    private Snapshot Replace(List<Row> rows)
    {
        var snapshot = new Snapshot(
            new WorkingDayRules(rows.Select(r => (r.Date, r.Kind))),
            (rows.Count, rows.Count == 0 ? DateTime.MinValue : rows.Max(r => r.UpdatedUtc)));
        _snapshot = snapshot;
        _warned.Clear();
        return snapshot;
    }

    private async Task ReloadQuietlyAsync()
    {
        try
        {
            await ReloadAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            LogReloadFailed(_logger, ex); // the periodic check tries again
        }
    }

    private void WarnAbout(WorkingDayRules rules, int fromYear, int toYear)
    {
        for (var year = fromYear; year <= toYear; year++)
        {
            if (!rules.HasYear(year) && _warned.TryAdd(year, true))
            {
                LogYearWithoutData(_logger, year);
            }
        }
    }

    private void WarnAbout(IReadOnlyList<int> years)
    {
        foreach (var year in years)
        {
            if (_warned.TryAdd(year, true))
            {
                LogYearWithoutData(_logger, year);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The working-day calendar has no days for {Year}: working days in that year are counted without holidays (weekends only). Enter the year at /admin/ngay-nghi on the province's site, or run a calendar recipe.")]
    private static partial void LogYearWithoutData(ILogger logger, int year);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reload the working-day calendar; the periodic check will try again.")]
    private static partial void LogReloadFailed(ILogger logger, Exception ex);

    private sealed record Row(DateOnly Date, CalendarDayKind Kind, DateTime UpdatedUtc);

    private sealed record Snapshot(WorkingDayRules Rules, (int Count, DateTime LastUpdate) Stamp);
}
