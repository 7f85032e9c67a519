using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Security;
using Portal.News.Models;
using Portal.News.Services;

namespace Portal.News.Controllers;

/// <summary>Royalty rates per class and the monthly report per author, with its spreadsheet.</summary>
[Area("News")]
[Route("admin/news/royalties")]
[RequirePermission("ManageRoyalties")]
public sealed class RoyaltiesAdminController(RoyaltyReport report, PortalDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? month)
    {
        var (year, m) = ParseMonth(month);
        ViewData["Month"] = $"{year:D4}-{m:D2}";
        return View(await report.MonthAsync(year, m, HttpContext.RequestAborted));
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(string? month)
    {
        var (year, m) = ParseMonth(month);
        var lines = await report.MonthAsync(year, m, HttpContext.RequestAborted);
        var bytes = RoyaltyReport.ToXlsx(lines, $"Nhuận bút tháng {m:D2}/{year}");
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"nhuan-but-{year:D4}-{m:D2}.xlsx");
    }

    [HttpGet("rates")]
    public async Task<IActionResult> Rates() =>
        View(await db.Set<RoyaltyRate>().AsNoTracking().OrderBy(r => r.Class).ToListAsync(HttpContext.RequestAborted));

    [HttpPost("rates")]
    public async Task<IActionResult> SetRate([Required, StringLength(50)] string? @class, [StringLength(300)] string? description, [Range(typeof(long), "0", "1000000000")] long amount)
    {
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(@class))
        {
            TempData["Error"] = "Loại nhuận bút (tối đa 50 ký tự) và số tiền từ 0 đến 1.000.000.000 đồng là bắt buộc.";
            return RedirectToAction(nameof(Rates));
        }

        var name = @class.Trim();
        var rate = await db.Set<RoyaltyRate>().FirstOrDefaultAsync(r => r.Class == name, HttpContext.RequestAborted);
        if (rate is null)
        {
            rate = new RoyaltyRate { Class = name };
            db.Add(rate);
        }

        rate.Description = description?.Trim() ?? "";
        rate.Amount = amount;
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = $"Đã lưu mức nhuận bút loại {name}.";
        return RedirectToAction(nameof(Rates));
    }

    /// <summary>"2026-11", or the current month in Vietnam; an impossible month falls back to it too.</summary>
    private (int Year, int Month) ParseMonth(string? month)
    {
        if (month is not null && DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return (parsed.Year, parsed.Month);
        }

        var now = Portal.Core.VietnamTime.Today(clock);
        return (now.Year, now.Month);
    }
}
