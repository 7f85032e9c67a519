using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Calendar;
using Portal.Core.Persistence;

namespace Portal.Core.Recipes.Steps;

/// <summary>
/// <c>{ "name": "calendar", "replace": false, "days": [ { "date": "2026-09-02", "kind": "holiday", "name": "Quốc khánh", "note": "..." } ] }</c>
/// — days of the installation's working-day calendar, grouped by their year. A year that already
/// has days is left as the administrators keep it (they correct provisional dates at
/// <c>/admin/ngay-nghi</c>; rolling the setup recipe out again must not undo that), unless
/// <c>replace</c> is true: then each listed year becomes exactly the listed days. Either way a
/// second run changes nothing. The calendar is the whole installation's: seeding only fills years
/// nobody entered, so it may run in any site's recipe (the <c>province</c> recipe also sets up
/// province-level sites other than the default one); replacing a year is the default site's.
/// </summary>
internal sealed class CalendarStep : IRecipeStep
{
    public string Name => "calendar";

    public void Validate(JsonObject step, RecipeProblems problems)
    {
        StepReader.OnlyKnown(step, problems, "days", "replace");
        if (step["replace"] is { } replace && replace.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add("'replace' must be true or false.");
        }

        var items = StepReader.Objects(step, "days", problems, required: true);
        if (step["days"] is JsonArray { Count: 0 })
        {
            problems.Add("'days' is empty: list at least one day.");
        }

        var seen = new Dictionary<DateOnly, int>();
        for (var i = 0; i < items.Count; i++)
        {
            var date = StepReader.String(items[i], "date");
            var dayProblems = problems.For(date is { Length: > 0 and <= 20 } ? $"day {i + 1} ({date})" : $"day {i + 1}");
            StepReader.OnlyKnown(items[i], dayProblems, "date", "kind", "name", "note");
            if (Read(items[i], dayProblems) is { } day && !seen.TryAdd(day.Date, i + 1))
            {
                dayProblems.Add($"the date is listed twice (also day {seen[day.Date]}).");
            }
        }
    }

    public async Task ExecuteAsync(JsonObject step, RecipeContext context, CancellationToken cancellationToken)
    {
        var replace = step["replace"]?.GetValue<bool>() ?? false;
        if (replace && !context.Tenant.IsDefault)
        {
            throw new InvalidOperationException("'replace' changes the whole installation's working-day calendar; run it on the default site (the province).");
        }

        var listed = StepReader.Objects(step, "days").Select(d => Read(d, null)!).ToList();
        var services = context.Services;
        var days = services.GetRequiredService<PortalDbContext>().Set<CalendarDay>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var changed = false;

        foreach (var year in listed.GroupBy(d => d.Date.Year))
        {
            var existing = await days.Where(d => d.Year == year.Key).ToDictionaryAsync(d => d.Date, cancellationToken);
            if (existing.Count > 0 && !replace)
            {
                continue;
            }

            foreach (var day in year)
            {
                if (!existing.Remove(day.Date, out var row))
                {
                    days.Add(new CalendarDay { Date = day.Date, Year = day.Date.Year, Kind = day.Kind, Name = day.Name, Note = day.Note, UpdatedUtc = now });
                    changed = true;
                }
                else if (row.Kind != day.Kind || row.Name != day.Name || row.Note != day.Note)
                {
                    (row.Kind, row.Name, row.Note, row.UpdatedUtc) = (day.Kind, day.Name, day.Note, now);
                    changed = true;
                }
            }

            // replace: what the year had and the recipe no longer lists goes.
            days.RemoveRange(existing.Values);
            changed |= existing.Count > 0;
        }

        if (changed)
        {
            // Committed with the recipe's transaction; every process's calendar (this one's too)
            // notices the new fingerprint within Portal:TenantRefreshSeconds.
            await services.GetRequiredService<PortalDbContext>().SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>One day of the step, its problems reported in English with the day's label (null: only reading a validated step).</summary>
    private static ParsedCalendarDay? Read(JsonObject item, RecipeProblems? problems)
    {
        var input = new CalendarDayInput(
            StepReader.String(item, "date", problems),
            StepReader.String(item, "kind", problems),
            StepReader.String(item, "name", problems),
            StepReader.String(item, "note", problems));
        var dayProblems = CalendarDayRules.Read(input, out var day);
        foreach (var (_, problem) in dayProblems)
        {
            problems?.Add(CalendarDayRules.Describe(problem));
        }

        return day;
    }
}
