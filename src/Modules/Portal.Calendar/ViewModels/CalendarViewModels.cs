using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Core.Calendar;

namespace Portal.Calendar.ViewModels;

/// <summary>One year of the calendar, with the years to choose from and the years still to enter.</summary>
internal sealed class CalendarYearViewModel
{
    public required int Year { get; init; }

    public required IReadOnlyList<CalendarEntry> Days { get; init; }

    /// <summary>The year selector: years with days, last year to next year, and the one shown.</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>Years whose deadlines are counted without holidays because nobody entered them yet (this year; next year from October).</summary>
    public required IReadOnlyList<int> MissingYears { get; init; }

    /// <summary>Working days of the year as the calendar counts them now (only for a year with days).</summary>
    public int? WorkingDays { get; init; }
}

/// <summary>The add and edit form: text in, read by the kernel's rules, so nothing a person types fails the binding.</summary>
public sealed class CalendarDayForm
{
    [Display(Name = "Ngày")]
    public string? Date { get; set; }

    [Display(Name = "Loại ngày")]
    public string? Kind { get; set; } = CalendarDayKinds.Holiday;

    [Display(Name = "Tên ngày")]
    public string? Name { get; set; }

    [Display(Name = "Ghi chú")]
    public string? Note { get; set; }

    /// <summary>The day being edited (null: a new day); from the address, never from the form.</summary>
    [BindNever]
    public int? Id { get; set; }

    /// <summary>The year to go back to.</summary>
    [BindNever]
    public int Year { get; set; }
}
