using System.Globalization;
using System.Text;

namespace Portal.Core.Calendar;

/// <summary>What is wrong with a calendar day typed in the admin or written in a recipe.</summary>
public enum CalendarDayProblem
{
    DateMissing,
    DateUnreadable,
    DateOutOfRange,
    KindUnknown,
    NameMissing,
    NameTooLong,
    NoteTooLong,

    /// <summary>A compensating working day on a weekday would change nothing: weekdays are worked anyway.</summary>
    WorkingDayNotOnWeekend,

    /// <summary>A day off in lieu on a weekend would change nothing: weekends are off anyway.</summary>
    DayOffInLieuNotOnWeekday,

    /// <summary>Another row has the date (one row per date).</summary>
    DateTaken,
}

/// <summary>A day as typed or written: text, read by <see cref="CalendarDayRules"/> in one place for the admin and the recipes.</summary>
public sealed record CalendarDayInput(string? Date, string? Kind, string? Name, string? Note = null);

/// <summary>A day of the calendar as the admin lists it.</summary>
public sealed record CalendarEntry(int Id, DateOnly Date, CalendarDayKind Kind, string Name, string? Note);

/// <summary>A day refused, with every problem and the field it belongs to (<c>Date</c>, <c>Kind</c>, <c>Name</c>, <c>Note</c>).</summary>
public sealed class CalendarDayException(IReadOnlyList<(string Field, CalendarDayProblem Problem)> problems)
    : Exception(string.Join(" ", problems.Select(p => CalendarDayRules.Describe(p.Problem))))
{
    public IReadOnlyList<(string Field, CalendarDayProblem Problem)> Problems { get; } = problems;
}

/// <summary>A day read and checked.</summary>
internal sealed record ParsedCalendarDay(DateOnly Date, CalendarDayKind Kind, string Name, string? Note);

/// <summary>Reading and checking one calendar day: the date's format and range, the kind, the name, and the kind against the day of the week.</summary>
internal static class CalendarDayRules
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const int NameMaxLength = 200;
    public const int NoteMaxLength = 500;

    /// <summary>ISO as recipes and date pickers send it; day/month/year as a Vietnamese types it where there is no picker.</summary>
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public static IReadOnlyList<(string Field, CalendarDayProblem Problem)> Read(CalendarDayInput input, out ParsedCalendarDay? day)
    {
        var problems = new List<(string, CalendarDayProblem)>();
        day = null;

        DateOnly date = default;
        var dateText = input.Date?.Trim();
        if (string.IsNullOrEmpty(dateText))
        {
            problems.Add(("Date", CalendarDayProblem.DateMissing));
        }
        else if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            problems.Add(("Date", CalendarDayProblem.DateUnreadable));
        }
        else if (date.Year is < FirstYear or > LastYear)
        {
            problems.Add(("Date", CalendarDayProblem.DateOutOfRange));
        }

        var kindKnown = CalendarDayKinds.TryParse(input.Kind, out var kind);
        if (!kindKnown)
        {
            problems.Add(("Kind", CalendarDayProblem.KindUnknown));
        }

        var name = Clean(input.Name);
        if (name.Length == 0)
        {
            problems.Add(("Name", CalendarDayProblem.NameMissing));
        }
        else if (name.Length > NameMaxLength)
        {
            problems.Add(("Name", CalendarDayProblem.NameTooLong));
        }

        var note = Clean(input.Note);
        if (note.Length > NoteMaxLength)
        {
            problems.Add(("Note", CalendarDayProblem.NoteTooLong));
        }

        if (problems.Count == 0)
        {
            if (kind == CalendarDayKind.CompensatingWorkingDay && !WorkingDayRules.IsWeekend(date))
            {
                problems.Add(("Kind", CalendarDayProblem.WorkingDayNotOnWeekend));
            }
            else if (kind == CalendarDayKind.DayOffInLieu && WorkingDayRules.IsWeekend(date))
            {
                problems.Add(("Kind", CalendarDayProblem.DayOffInLieuNotOnWeekday));
            }
            else
            {
                day = new ParsedCalendarDay(date, kind, name, note.Length == 0 ? null : note);
            }
        }

        return problems;
    }

    /// <summary>The problem in English, for recipe errors (the admin says it in Vietnamese).</summary>
    public static string Describe(CalendarDayProblem problem) => problem switch
    {
        CalendarDayProblem.DateMissing => "'date' is required (yyyy-MM-dd).",
        CalendarDayProblem.DateUnreadable => "'date' must be a date written yyyy-MM-dd, such as 2026-09-02.",
        CalendarDayProblem.DateOutOfRange => $"'date' must be in the years {FirstYear}–{LastYear}.",
        CalendarDayProblem.KindUnknown => $"'kind' must be one of {string.Join(", ", CalendarDayKinds.All)}.",
        CalendarDayProblem.NameMissing => "'name' is required (the day's Vietnamese name, such as Quốc khánh).",
        CalendarDayProblem.NameTooLong => $"'name' is longer than {NameMaxLength} characters.",
        CalendarDayProblem.NoteTooLong => $"'note' is longer than {NoteMaxLength} characters.",
        CalendarDayProblem.WorkingDayNotOnWeekend => "a compensating working day must be a Saturday or a Sunday (a weekday is worked anyway).",
        CalendarDayProblem.DayOffInLieuNotOnWeekday => "a day off in lieu must be a weekday (a weekend day is off anyway).",
        _ => "the date is already in the calendar.",
    };

    /// <summary>Trimmed, inner runs of white space made one space, NFC (Vietnamese typed on different keyboards compares equal).</summary>
    private static string Clean(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? ""
            : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(NormalizationForm.FormC);
}
