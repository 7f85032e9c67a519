using System.Text.Json.Nodes;
using Portal.Core.Calendar;
using Portal.Core.Recipes;
using Portal.Core.Recipes.Steps;

namespace Portal.Tests.Kernel.Calendar;

/// <summary>Reading one calendar day (the admin's form and the recipe step share it) and the <c>calendar</c> step's checks.</summary>
[Trait("Category", "Fast")]
public sealed class CalendarDayRulesTests
{
    [Theory]
    [InlineData(null, "holiday", "Quốc khánh", CalendarDayProblem.DateMissing)]
    [InlineData("2026-02-30", "holiday", "Quốc khánh", CalendarDayProblem.DateUnreadable)]
    [InlineData("02-09-2026", "holiday", "Quốc khánh", CalendarDayProblem.DateUnreadable)]
    [InlineData("1999-09-02", "holiday", "Quốc khánh", CalendarDayProblem.DateOutOfRange)]
    [InlineData("2026-09-02", "le", "Quốc khánh", CalendarDayProblem.KindUnknown)]
    [InlineData("2026-09-02", null, "Quốc khánh", CalendarDayProblem.KindUnknown)]
    [InlineData("2026-09-02", "holiday", "   ", CalendarDayProblem.NameMissing)]
    [InlineData("2026-09-02", "compensating-working-day", "Làm bù", CalendarDayProblem.WorkingDayNotOnWeekend)]
    [InlineData("2026-04-26", "day-off-in-lieu", "Nghỉ bù", CalendarDayProblem.DayOffInLieuNotOnWeekday)]
    public void A_bad_day_is_refused_with_the_reason(string? date, string? kind, string? name, CalendarDayProblem expected)
    {
        var problems = CalendarDayRules.Read(new CalendarDayInput(date, kind, name), out var day);

        Assert.Null(day);
        Assert.Contains(problems, p => p.Problem == expected);
    }

    [Fact]
    public void Every_problem_is_named_beside_its_field()
    {
        var problems = CalendarDayRules.Read(new CalendarDayInput("x", "y", new string('a', 201), new string('b', 501)), out _);

        (string, CalendarDayProblem)[] expected = [("Date", CalendarDayProblem.DateUnreadable), ("Kind", CalendarDayProblem.KindUnknown), ("Name", CalendarDayProblem.NameTooLong), ("Note", CalendarDayProblem.NoteTooLong)];
        Assert.Equal(expected, problems);
    }

    [Theory]
    [InlineData("2026-09-02")]
    [InlineData("02/09/2026")]
    [InlineData("2/9/2026")]
    [InlineData(" 2026-09-02 ")]
    public void A_good_day_is_read_in_iso_or_vietnamese_order(string date)
    {
        var problems = CalendarDayRules.Read(new CalendarDayInput(date, "Holiday", "  Quốc   khánh ", " "), out var day);

        Assert.Empty(problems);
        Assert.Equal(new ParsedCalendarDay(new DateOnly(2026, 9, 2), CalendarDayKind.Holiday, "Quốc khánh", null), day);
    }

    [Fact]
    public void Names_are_stored_in_nfc()
    {
        CalendarDayRules.Read(new CalendarDayInput("2026-01-01", "holiday", "Te\u0302\u0301t Du\u031Bo\u031Bng li\u0323ch"), out var day);

        Assert.Equal("Tết Dương lịch", day!.Name);
    }

    [Theory]
    [InlineData("""{ "name": "calendar" }""", "step 1 (calendar): 'days' is required.")]
    [InlineData("""{ "name": "calendar", "days": [] }""", "'days' is empty")]
    [InlineData("""{ "name": "calendar", "dayz": [] }""", "unknown field 'dayz'")]
    [InlineData("""{ "name": "calendar", "replace": "yes", "days": [ { "date": "2026-09-02", "kind": "holiday", "name": "Quốc khánh" } ] }""", "'replace' must be true or false.")]
    [InlineData("""{ "name": "calendar", "days": [ { "date": "2026-09-31", "kind": "holiday", "name": "Quốc khánh" } ] }""", "step 1 (calendar), day 1 (2026-09-31): 'date' must be a date written yyyy-MM-dd")]
    [InlineData("""{ "name": "calendar", "days": [ { "date": "2026-09-02", "kind": "holiday" } ] }""", "day 1 (2026-09-02): 'name' is required")]
    [InlineData("""{ "name": "calendar", "days": [ { "date": "2026-09-02", "kind": "le", "name": "Quốc khánh" } ] }""", "'kind' must be one of holiday, day-off-in-lieu, compensating-working-day.")]
    [InlineData("""{ "name": "calendar", "days": [ { "date": "2026-09-02", "kind": "holiday", "name": "Quốc khánh", "ghiChu": "" } ] }""", "unknown field 'ghiChu'")]
    [InlineData("""{ "name": "calendar", "days": [ { "date": "2026-09-04", "kind": "compensating-working-day", "name": "Làm bù" } ] }""", "must be a Saturday or a Sunday")]
    [InlineData("""{ "name": "calendar", "days": [ { "date": "2026-09-02", "kind": "holiday", "name": "A" }, { "date": "2026-09-02", "kind": "holiday", "name": "B" } ] }""", "day 2 (2026-09-02): the date is listed twice (also day 1).")]
    [InlineData("""{ "name": "calendar", "days": [ "2026-09-02" ] }""", "'days' must be an array of objects.")]
    public void A_bad_calendar_step_is_refused_with_one_line_per_problem(string json, string expected)
    {
        var problems = Validate(json);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain('\n', p));
    }

    [Fact]
    public void The_shipped_holidays_pass_the_steps_checks()
    {
        var recipe = RecipeParser.Parse(File.ReadAllText(ShippedCalendar.RecipePath), ShippedCalendar.RecipePath);

        Assert.Empty(Validate(recipe.Steps[0].ToJsonString()));
        Assert.Equal(12, ShippedCalendar.Days().Count(d => d.Date.Year == 2026));
        Assert.All(ShippedCalendar.Days().Where(d => d.Date.Year == 2027 && d.Name == "Tết Nguyên đán"), d => Assert.Contains("dự kiến", d.Note, StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> Validate(string json)
    {
        var sink = new List<string>();
        new CalendarStep().Validate((JsonObject)JsonNode.Parse(json)!, new RecipeProblems("step 1 (calendar)", sink));
        return sink;
    }
}
