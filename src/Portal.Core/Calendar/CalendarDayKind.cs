namespace Portal.Core.Calendar;

/// <summary>
/// How a calendar row departs from the week's rule (Monday to Friday work, Saturday and Sunday off).
/// Only departures are stored: an ordinary day has no row.
/// </summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday (ngày lễ, Tết): off, whatever the day of the week.</summary>
    Holiday,

    /// <summary>A weekday off in place of a holiday that fell on a weekend, or swapped (nghỉ bù, nghỉ hoán đổi).</summary>
    DayOffInLieu,

    /// <summary>A Saturday or Sunday worked to make up for a swapped day off (làm bù).</summary>
    CompensatingWorkingDay,
}

/// <summary>The kinds as recipes and forms write them (<c>holiday</c>, <c>day-off-in-lieu</c>, <c>compensating-working-day</c>).</summary>
public static class CalendarDayKinds
{
    public const string Holiday = "holiday";
    public const string DayOffInLieu = "day-off-in-lieu";
    public const string CompensatingWorkingDay = "compensating-working-day";

    public static IReadOnlyList<string> All { get; } = [Holiday, DayOffInLieu, CompensatingWorkingDay];

    public static string ToValue(CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => Holiday,
        CalendarDayKind.DayOffInLieu => DayOffInLieu,
        _ => CompensatingWorkingDay,
    };

    public static bool TryParse(string? value, out CalendarDayKind kind)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case Holiday:
                kind = CalendarDayKind.Holiday;
                return true;
            case DayOffInLieu:
                kind = CalendarDayKind.DayOffInLieu;
                return true;
            case CompensatingWorkingDay:
                kind = CalendarDayKind.CompensatingWorkingDay;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
