namespace Portal.Core.Calendar;

/// <summary>
/// One day that departs from the week's rule: a holiday, a day off in lieu or a compensating
/// working weekend day. Not tenant-owned, and deliberately so: Vietnam's public holidays and the
/// public servants' schedule (Labour Code 2019, art. 112, and the Government's yearly notice) are
/// national, the same for the province and every commune; one table for the installation means one
/// place to enter next year's Tết, not four thousand.
/// </summary>
internal sealed class CalendarDay
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>The year of <see cref="Date"/>, stored: the admin lists by it, and "has the year any data" asks it.</summary>
    public int Year { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>Vietnamese, as the Government's notice names it: "Tết Nguyên đán", "Quốc khánh".</summary>
    public string Name { get; set; } = "";

    /// <summary>Where the date comes from, or that it is provisional.</summary>
    public string? Note { get; set; }

    /// <summary>With the row count, the fingerprint other processes compare to notice an edit.</summary>
    public DateTime UpdatedUtc { get; set; }
}
