using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core;
using Portal.Core.Security;
using Portal.Questions.Services;
using Portal.Questions.ViewModels;

namespace Portal.Questions.Controllers;

/// <summary>The board's statistics of the current site's questions for a period, on screen (with a chart) and as .xlsx.</summary>
[Area("Questions")]
[Route("admin/hoi-dap/thong-ke")]
[RequirePermission("ViewQuestionStatistics")]
public sealed class QuestionStatisticsController(QuestionStatistics statistics, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? from, string? to)
    {
        var (start, end, message) = Period(from, to);
        var report = await statistics.ReportAsync(start, end, HttpContext.RequestAborted);
        return View(new StatisticsViewModel { Report = report, Message = message });
    }

    [HttpGet("xlsx")]
    public async Task<IActionResult> Export(string? from, string? to)
    {
        var (start, end, _) = Period(from, to);
        var report = await statistics.ReportAsync(start, end, HttpContext.RequestAborted);
        return File(QuestionStatisticsXlsx.Write(report), QuestionStatisticsXlsx.ContentType, QuestionStatisticsXlsx.FileName(report));
    }

    /// <summary>Dates as yyyy-MM-dd (the date input's value); by default this year up to today in Vietnam.</summary>
    private (DateOnly From, DateOnly To, string? Message) Period(string? from, string? to)
    {
        var today = VietnamTime.Today(clock);
        string? message = null;
        var start = Date(from) ?? new DateOnly(today.Year, 1, 1);
        var end = Date(to) ?? (start.Year == today.Year ? today : new DateOnly(start.Year, 12, 31));
        if ((from is { Length: > 0 } && Date(from) is null) || (to is { Length: > 0 } && Date(to) is null))
        {
            message = "Ngày không hợp lệ đã được thay bằng ngày mặc định.";
        }

        if (end < start)
        {
            (start, end) = (end, start);
        }

        if (end.DayNumber - start.DayNumber > QuestionStatistics.MaxDays)
        {
            start = end.AddDays(-QuestionStatistics.MaxDays);
            message = "Khoảng thời gian dài quá 10 năm đã được rút lại.";
        }

        return (start, end, message);
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and < 2100 ? day : null;
}
