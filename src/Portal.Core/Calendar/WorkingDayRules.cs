namespace Portal.Core.Calendar;

/// <summary>
/// The working-day arithmetic over one immutable set of calendar days; no database, no clock, so
/// every rule is tested without a host. Monday to Friday are working days and Saturday and Sunday
/// are not, unless a row says otherwise: a holiday or a day off in lieu is off, a compensating
/// working day is worked. A year with no row at all is "without data": the arithmetic still
/// answers (weekends only) and says so through <see cref="YearsWithoutData"/>.
/// </summary>
internal sealed class WorkingDayRules
{
    /// <summary>
    /// The longest count accepted, about fourteen years: no deadline is longer, and a larger number
    /// is a slip that would otherwise walk the calendar for nothing.
    /// </summary>
    public const int MaxWorkingDays = 3650;

    public static readonly WorkingDayRules Empty = new([]);

    private readonly Dictionary<DateOnly, CalendarDayKind> _days = [];
    private readonly HashSet<int> _years = [];

    public WorkingDayRules(IEnumerable<(DateOnly Date, CalendarDayKind Kind)> days)
    {
        foreach (var (date, kind) in days)
        {
            _days[date] = kind;
            _years.Add(date.Year);
        }
    }

    /// <summary>The years that have at least one row, in order.</summary>
    public IReadOnlyList<int> Years => [.. _years.Order()];

    public bool HasYear(int year) => _years.Contains(year);

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly day) =>
        _days.TryGetValue(day, out var kind) ? kind == CalendarDayKind.CompensatingWorkingDay : !IsWeekend(day);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="day"/>: the day itself
    /// never counts, worked or not (Civil Code 2015, art. 147: a period in days starts the day after
    /// the event). So a question received on Friday, Saturday or Sunday has the same first day,
    /// Monday; 0 is the day itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDays, MaxWorkingDays);
        var current = day;
        var counted = 0;
        while (counted < workingDays)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
            {
                counted++;
            }
        }

        return current;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/>, so
    /// that <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>; negative when
    /// <paramref name="to"/> is earlier (a deadline passed that many working days ago).
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var n = from.DayNumber + 1; n <= to.DayNumber; n++)
        {
            if (IsWorkingDay(DateOnly.FromDayNumber(n)))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The deadline of something received at <paramref name="receivedUtc"/>, counted on Vietnam's date of receipt.</summary>
    public WorkingDayDeadline Deadline(DateTime receivedUtc, int workingDays)
    {
        var utc = receivedUtc.Kind == DateTimeKind.Local ? receivedUtc.ToUniversalTime() : receivedUtc;
        var receivedOn = DateOnly.FromDateTime(VietnamTime.FromUtc(utc));
        var due = AddWorkingDays(receivedOn, workingDays);
        return new WorkingDayDeadline(receivedOn, workingDays, due, YearsWithoutData(receivedOn, due));
    }

    /// <summary>
    /// The years without data among those whose days a count from <paramref name="from"/> to
    /// <paramref name="to"/> looks at: the days after <paramref name="from"/>, up to <paramref name="to"/>.
    /// </summary>
    public IReadOnlyList<int> YearsWithoutData(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            (from, to) = (to, from);
        }

        if (from == to)
        {
            return [];
        }

        var missing = new List<int>();
        for (var year = from.AddDays(1).Year; year <= to.Year; year++)
        {
            if (!_years.Contains(year))
            {
                missing.Add(year);
            }
        }

        return missing;
    }
}
