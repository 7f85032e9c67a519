using System.Globalization;

namespace Portal.Core;

/// <summary>
/// Vietnam's time, the only one editors and citizens read or type: UTC+7 all year (no daylight
/// saving since 1975). The database stores UTC; views show and forms take this one. A typed or
/// crafted time near the ends of the calendar (0001-01-01, 9999-12-31) is not a time anybody
/// means, so the conversions refuse it instead of overflowing.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The first and last moments anyone plans content for; outside them a time is a slip.</summary>
    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime Latest = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A time typed in Vietnam, as UTC; null when outside <see cref="Earliest"/>–<see cref="Latest"/>.</summary>
    public static DateTime? ToUtc(DateTime local)
    {
        if (local < Earliest || local > Latest)
        {
            return null;
        }

        return DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);
    }

    /// <summary>A stored UTC time as Vietnam's wall clock (never overflows: stored times are real ones).</summary>
    public static DateTime FromUtc(DateTime utc) =>
        utc > DateTime.MaxValue - Offset ? DateTime.MaxValue : DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);

    /// <summary>Vietnam's date now.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>The UTC start of a Vietnamese day; null for a year no editor means (0001, 9999 from a typed address).</summary>
    public static DateTime? StartOfDayUtc(DateTime day) =>
        day.Year is > 1900 and < 9000 ? DateTime.SpecifyKind(day.Date - Offset, DateTimeKind.Utc) : null;

    /// <summary>"dd/MM/yyyy HH:mm" in Vietnam's time, as the admin and public pages show times.</summary>
    public static string Format(DateTime utc, string format = "dd/MM/yyyy HH:mm") =>
        FromUtc(utc).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"dd/MM/yyyy": the Vietnamese date of a stored UTC time, as lists, tag pages and reports show it.</summary>
    public static string FormatDate(DateTime utc) => Format(utc, "dd/MM/yyyy");
}
