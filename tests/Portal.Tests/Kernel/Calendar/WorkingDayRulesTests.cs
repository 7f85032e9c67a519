using System.Text.Json.Nodes;
using Portal.Core.Calendar;

namespace Portal.Tests.Kernel.Calendar;

/// <summary>
/// The working-day arithmetic without a host, on the days the installation ships for 2026 and 2027
/// (recipes/holidays.recipe.json) and on small made-up calendars where a rule needs its own case.
/// </summary>
[Trait("Category", "Fast")]
public sealed class WorkingDayRulesTests
{
    private static readonly WorkingDayRules Shipped = ShippedCalendar.Rules();

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-09", true)]  // Monday
    [InlineData("2026-03-13", true)]  // Friday
    [InlineData("2026-03-14", false)] // Saturday
    [InlineData("2026-03-15", false)] // Sunday
    [InlineData("2026-01-01", false)] // Tết Dương lịch, Thursday
    [InlineData("2026-02-16", false)] // Tết Nguyên đán
    [InlineData("2026-02-23", true)]  // the first working day after Tết
    [InlineData("2026-04-26", false)] // Giỗ Tổ on a Sunday
    [InlineData("2026-04-27", false)] // its day off in lieu, Monday
    [InlineData("2026-09-01", false)]
    [InlineData("2027-05-03", false)] // in lieu of 1 May 2027, a Saturday
    public void Weekdays_work_weekends_and_holidays_do_not(string day, bool working) =>
        Assert.Equal(working, Shipped.IsWorkingDay(D(day)));

    [Fact]
    public void A_compensating_saturday_is_worked_and_counted()
    {
        var rules = new WorkingDayRules([(D("2030-01-05"), CalendarDayKind.CompensatingWorkingDay), (D("2030-01-02"), CalendarDayKind.DayOffInLieu)]);

        Assert.True(rules.IsWorkingDay(D("2030-01-05")));
        Assert.False(rules.IsWorkingDay(D("2030-01-06")));
        Assert.False(rules.IsWorkingDay(D("2030-01-02")));
        // Received Tuesday 1 Jan: Wed is off, Thu 3, Fri 4, Sat 5 (worked) → the 3rd working day is the Saturday.
        Assert.Equal(D("2030-01-05"), rules.AddWorkingDays(D("2030-01-01"), 3));
    }

    [Theory]
    [InlineData("2026-03-06", 5, "2026-03-13")] // received Friday: Mon 9 … Fri 13
    [InlineData("2026-03-07", 5, "2026-03-13")] // received Saturday: counts from Monday, same deadline
    [InlineData("2026-03-08", 5, "2026-03-13")] // received Sunday
    [InlineData("2026-03-09", 5, "2026-03-16")] // received Monday: the day of receipt does not count
    [InlineData("2026-04-30", 1, "2026-05-04")] // received on a holiday: 1 May and the weekend are off
    [InlineData("2026-04-30", 5, "2026-05-08")]
    [InlineData("2026-04-24", 5, "2026-05-06")] // Giỗ Tổ in lieu, 30/4 and 1/5 inside the period
    [InlineData("2026-08-28", 5, "2026-09-08")] // Quốc khánh's two days inside the period
    public void A_period_starts_the_working_day_after_receipt(string received, int days, string due) =>
        Assert.Equal(D(due), Shipped.AddWorkingDays(D(received), days));

    [Theory]
    [InlineData("2026-02-13", 5, "2026-02-27")]  // the 9-day Tết break of 2026
    [InlineData("2026-02-13", 15, "2026-03-13")]
    [InlineData("2026-02-14", 5, "2026-02-27")]  // received on the break's first day
    [InlineData("2026-02-17", 15, "2026-03-13")] // received on mùng 1 Tết
    [InlineData("2027-02-03", 5, "2027-02-17")]  // the provisional 2027 break
    public void Tet_is_skipped_whole(string received, int days, string due) =>
        Assert.Equal(D(due), Shipped.AddWorkingDays(D(received), days));

    [Fact]
    public void A_period_crosses_the_year_boundary_with_both_years_holidays()
    {
        // Thu 31 Dec 2026: Fri 1 Jan 2027 is Tết Dương lịch, then the weekend.
        Assert.Equal(D("2027-01-04"), Shipped.AddWorkingDays(D("2026-12-31"), 1));
        Assert.Equal(D("2027-01-08"), Shipped.AddWorkingDays(D("2026-12-31"), 5));
        Assert.Empty(Shipped.YearsWithoutData(D("2026-12-31"), D("2027-01-08")));
    }

    [Theory]
    [InlineData("2026-03-11")] // a working day
    [InlineData("2026-03-15")] // a Sunday
    [InlineData("2026-02-17")] // mùng 1 Tết
    public void Zero_working_days_is_the_day_itself(string day) =>
        Assert.Equal(D(day), Shipped.AddWorkingDays(D(day), 0));

    [Theory]
    [InlineData(-1)]
    [InlineData(WorkingDayRules.MaxWorkingDays + 1)]
    [InlineData(int.MaxValue)]
    public void A_count_out_of_range_is_refused(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.AddWorkingDays(D("2026-03-11"), days));

    [Fact]
    public void Working_days_between_is_the_inverse_of_adding_them()
    {
        foreach (var start in new[] { "2026-02-13", "2026-02-14", "2026-04-29", "2026-12-30", "2027-02-06" })
        {
            foreach (var n in new[] { 0, 1, 5, 15, 40 })
            {
                var due = Shipped.AddWorkingDays(D(start), n);
                Assert.Equal(n, Shipped.WorkingDaysBetween(D(start), due));
                Assert.Equal(-n, Shipped.WorkingDaysBetween(due, D(start)));
            }
        }

        Assert.Equal(250, Shipped.WorkingDaysBetween(D("2025-12-31"), D("2026-12-31")));
        Assert.Equal(250, Shipped.WorkingDaysBetween(D("2026-12-31"), D("2027-12-31")));
    }

    [Fact]
    public void A_year_without_data_counts_weekends_only_and_says_so()
    {
        // 2028 has no rows: Tết 2028 (late January) is not known, so only weekends are skipped.
        var deadline = Shipped.Deadline(new DateTime(2028, 1, 24, 2, 0, 0, DateTimeKind.Utc), 5);
        var acrossTheYear = Shipped.Deadline(new DateTime(2027, 12, 28, 2, 0, 0, DateTimeKind.Utc), 5);

        Assert.False(Shipped.HasYear(2028));
        Assert.Equal(D("2028-01-31"), deadline.Due);
        Assert.True(deadline.IsProvisional);
        Assert.Equal(2028, Assert.Single(deadline.YearsWithoutData));
        Assert.Equal(2028, Assert.Single(acrossTheYear.YearsWithoutData));
        Assert.Equal(D("2028-01-04"), acrossTheYear.Due);
        Assert.True(WorkingDayRules.Empty.IsWorkingDay(D("2026-09-02"))); // no data at all: Quốc khánh looks like a Wednesday
        Assert.Equal(2026, Assert.Single(WorkingDayRules.Empty.YearsWithoutData(D("2026-09-01"), D("2026-09-02"))));
    }

    [Theory]
    [InlineData("2026-03-06T16:59:00Z", "2026-03-06")] // 23:59 Friday in Vietnam
    [InlineData("2026-03-06T17:00:00Z", "2026-03-07")] // 00:00 Saturday in Vietnam
    [InlineData("2026-12-31T17:30:00Z", "2027-01-01")]
    public void The_day_of_receipt_is_vietnams_date(string receivedUtc, string receivedOn)
    {
        var utc = DateTime.Parse(receivedUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        var deadline = Shipped.Deadline(utc, 15);

        Assert.Equal(D(receivedOn), deadline.ReceivedOn);
        Assert.Equal(15, Shipped.WorkingDaysBetween(deadline.ReceivedOn, deadline.Due));
        Assert.False(deadline.IsProvisional);
    }

    [Fact]
    public void Friday_and_saturday_receipts_share_a_deadline()
    {
        var friday = Shipped.Deadline(new DateTime(2026, 3, 6, 16, 59, 0, DateTimeKind.Utc), 5);
        var saturday = Shipped.Deadline(new DateTime(2026, 3, 6, 17, 0, 0, DateTimeKind.Utc), 5);

        Assert.Equal(friday.Due, saturday.Due);
        Assert.Equal(D("2026-03-13"), saturday.Due);
    }
}

/// <summary>The days recipes/holidays.recipe.json ships, read as the recipe step reads them.</summary>
internal static class ShippedCalendar
{
    public static string RecipePath => Path.Combine(AppContext.BaseDirectory, "recipes", "holidays.recipe.json");

    public static IReadOnlyList<ParsedCalendarDay> Days()
    {
        var step = (JsonObject)JsonNode.Parse(File.ReadAllText(RecipePath))!["steps"]![0]!;
        return [.. step["days"]!.AsArray().Select(d =>
        {
            var problems = CalendarDayRules.Read(new CalendarDayInput((string?)d!["date"], (string?)d["kind"], (string?)d["name"], (string?)d["note"]), out var day);
            Assert.Empty(problems);
            return day!;
        })];
    }

    public static WorkingDayRules Rules() => new(Days().Select(d => (d.Date, d.Kind)));
}
