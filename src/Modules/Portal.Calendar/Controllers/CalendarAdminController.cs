using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Portal.Calendar.ViewModels;
using Portal.Core;
using Portal.Core.Calendar;
using Portal.Core.Security;
using Portal.Core.Tenancy;

namespace Portal.Calendar.Controllers;

/// <summary>
/// <c>/admin/ngay-nghi</c>: the installation's days off and compensating working days, by year.
/// Only on the default site (the province): the calendar is national, and every site's deadlines
/// follow it, so another site's administrator must not edit it (404 there, even with the feature).
/// </summary>
[Area("Calendar")]
[Route("admin/ngay-nghi")]
[RequirePermission("ManageHolidays")]
public sealed class CalendarAdminController(CalendarAdministration days, IWorkingDayCalendar calendar, TenantContext site, TimeProvider clock) : Controller
{
    /// <summary>From this month on, next year's missing days are flagged too: the Government announces the next Tết in the autumn, and a 15-working-day deadline from late December reaches into January.</summary>
    private const int NextYearWarningMonth = 10;

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        if (!site.Tenant.IsDefault)
        {
            context.Result = NotFound();
        }
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year)
    {
        var today = VietnamTime.Today(clock);
        var shown = year is >= 2000 and <= 2100 ? year.Value : today.Year;
        var withDays = await days.YearsAsync(HttpContext.RequestAborted);
        var list = await days.ListAsync(shown, HttpContext.RequestAborted);
        return View(new CalendarYearViewModel
        {
            Year = shown,
            Days = list,
            Years = [.. withDays.Concat([today.Year - 1, today.Year, today.Year + 1, shown]).Distinct().Order()],
            MissingYears = MissingYears(today, withDays),
            WorkingDays = list.Count > 0 ? calendar.WorkingDaysBetween(new DateOnly(shown - 1, 12, 31), new DateOnly(shown, 12, 31)) : null,
        });
    }

    [HttpGet("create")]
    public IActionResult Create(int? year) =>
        View("Edit", new CalendarDayForm { Year = year is >= 2000 and <= 2100 ? year.Value : VietnamTime.Today(clock).Year });

    [HttpPost("create")]
    public async Task<IActionResult> Create(CalendarDayForm form)
    {
        try
        {
            var day = await days.AddAsync(Input(form), HttpContext.RequestAborted);
            TempData["Message"] = $"Đã thêm ngày {CalendarWords.Date(day.Date)} ({day.Name}) vào lịch.";
            return RedirectToAction(nameof(Index), new { year = day.Date.Year });
        }
        catch (CalendarDayException ex)
        {
            return Refused(form, ex);
        }
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var day = await days.FindAsync(id, HttpContext.RequestAborted);
        return day is null ? NotFound() : View(new CalendarDayForm
        {
            Id = day.Id,
            Year = day.Date.Year,
            Date = day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Kind = CalendarDayKinds.ToValue(day.Kind),
            Name = day.Name,
            Note = day.Note,
        });
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, CalendarDayForm form)
    {
        form.Id = id;
        try
        {
            var day = await days.UpdateAsync(id, Input(form), HttpContext.RequestAborted);
            if (day is null)
            {
                return NotFound();
            }

            TempData["Message"] = $"Đã lưu ngày {CalendarWords.Date(day.Date)} ({day.Name}).";
            return RedirectToAction(nameof(Index), new { year = day.Date.Year });
        }
        catch (CalendarDayException ex)
        {
            return Refused(form, ex);
        }
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id)
    {
        var day = await days.FindAsync(id, HttpContext.RequestAborted);
        return day is null ? NotFound() : View(day);
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> DeleteConfirmed(int id)
    {
        var day = await days.FindAsync(id, HttpContext.RequestAborted);
        if (day is null || !await days.DeleteAsync(id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Message"] = $"Đã xóa ngày {CalendarWords.Date(day.Date)} ({day.Name}) khỏi lịch.";
        return RedirectToAction(nameof(Index), new { year = day.Date.Year });
    }

    private static CalendarDayInput Input(CalendarDayForm form) => new(form.Date, form.Kind, form.Name, form.Note);

    /// <summary>The form again, as typed, with each problem beside its field.</summary>
    private ViewResult Refused(CalendarDayForm form, CalendarDayException ex)
    {
        foreach (var (field, problem) in ex.Problems)
        {
            ModelState.AddModelError(field, CalendarWords.Problem(problem));
        }

        form.Year = DateOnly.TryParseExact(form.Date?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100
            ? date.Year
            : VietnamTime.Today(clock).Year;
        return View("Edit", form);
    }

    private static List<int> MissingYears(DateOnly today, IReadOnlyList<int> withDays)
    {
        var missing = new List<int>();
        if (!withDays.Contains(today.Year))
        {
            missing.Add(today.Year);
        }

        if (today.Month >= NextYearWarningMonth && !withDays.Contains(today.Year + 1))
        {
            missing.Add(today.Year + 1);
        }

        return missing;
    }
}
