namespace Portal.Core.Calendar;

/// <summary>
/// Vietnam's working days for the whole installation: weekends and the days off and compensating
/// working days the province enters at <c>/admin/ngay-nghi</c> (or a <c>calendar</c> recipe step).
/// Answers from memory; a singleton, safe to call from any thread and any site. Counting rule: a
/// period of N working days starts the day after the day of receipt (Vietnam's date), whether that
/// day was worked or not, and ends at the end of its N-th working day.
/// </summary>
/// <remarks>
/// A year without any row is counted with weekends only. That is never silent: each such year is
/// logged once as a warning, listed in <see cref="WorkingDayDeadline.YearsWithoutData"/> and shown
/// on the admin page, so the province can enter it.
/// </remarks>
public interface IWorkingDayCalendar
{
    /// <summary>Whether <paramref name="day"/> is worked by public offices.</summary>
    bool IsWorkingDay(DateOnly day);

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="day"/> (0–3650; 0 is the day itself).</summary>
    DateOnly AddWorkingDays(DateOnly day, int workingDays);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    int WorkingDaysBetween(DateOnly from, DateOnly to);

    /// <summary>
    /// When something received at <paramref name="receivedUtc"/> (a stored UTC time) is due, within
    /// <paramref name="workingDays"/> working days: "forward within 5", "answer within 15".
    /// </summary>
    WorkingDayDeadline Deadline(DateTime receivedUtc, int workingDays);

    /// <summary>Whether the province has entered any day of <paramref name="year"/>.</summary>
    bool HasDataFor(int year);
}

/// <summary>A computed deadline.</summary>
/// <param name="ReceivedOn">Vietnam's date of receipt (the day the count starts after).</param>
/// <param name="WorkingDays">The period, in working days.</param>
/// <param name="Due">The last day of the period: the answer is due by the end of this day.</param>
/// <param name="YearsWithoutData">Years the count went through that have no data (weekends only were skipped there); empty when the deadline is certain.</param>
public sealed record WorkingDayDeadline(DateOnly ReceivedOn, int WorkingDays, DateOnly Due, IReadOnlyList<int> YearsWithoutData)
{
    /// <summary>True when a year of the count has no data: the due date may move once the province enters that year.</summary>
    public bool IsProvisional => YearsWithoutData.Count > 0;
}
