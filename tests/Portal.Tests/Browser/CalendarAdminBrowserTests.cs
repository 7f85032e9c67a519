using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// The province's administrator keeps the calendar in a real browser: picks a year, adds a day
/// (a refused form first, its messages beside the fields), deletes it after the confirmation page;
/// axe-core finds no serious or critical violation on the list, the form or the confirmation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarAdminBrowserTests(RunningPortal portal, Infrastructure.Browser browser)
    : IClassFixture<RunningPortal>, IClassFixture<Infrastructure.Browser>
{
    [Fact]
    public async Task An_administrator_adds_a_day_and_deletes_it_after_confirming()
    {
        var report = new List<string>();
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await AdminSession.SignInAsync(page, portal.BaseUrl);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu quản trị" }).GetByRole(AriaRole.Link, new() { Name = "Ngày nghỉ lễ, Tết" }).ClickAsync();
        await page.GetByLabel("Năm", new() { Exact = true }).SelectOptionAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/ngay-nghi?year=2026");
        var year2026 = await page.Locator("table.grid").InnerTextAsync();
        await CheckAsync(page, "list 2026", report);

        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm ngày" }).ClickAsync();
        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2037-01-07");
        await page.GetByLabel("Loại ngày").SelectOptionAsync("compensating-working-day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm ngày", Exact = true }).ClickAsync();
        var refused = await page.Locator(".field-error").AllInnerTextsAsync();
        await CheckAsync(page, "refused form", report);

        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2037-01-10");
        await page.GetByLabel("Tên ngày").FillAsync("Làm bù thử");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm ngày", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/ngay-nghi?year=2037");
        var added = await page.Locator(".alert-success").InnerTextAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Xóa ngày 10/01/2037" }).ClickAsync();
        await CheckAsync(page, "confirmation", report);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xóa ngày này" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/ngay-nghi?year=2037");
        var deleted = await page.Locator("main").InnerTextAsync();

        Assert.Contains("Tết Nguyên đán", year2026);
        Assert.Contains("Nghỉ bù Giỗ Tổ Hùng Vương", year2026);
        Assert.Contains(refused, t => t.Contains("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật", StringComparison.Ordinal) || t.Contains("Nhập tên ngày", StringComparison.Ordinal));
        Assert.Contains("Đã thêm ngày 10/01/2037 (Làm bù thử)", added);
        Assert.Contains("Đã xóa ngày 10/01/2037", deleted);
        Assert.Contains("Năm 2037 chưa có ngày nào", deleted);
        Assert.True(report.Count == 0, "Accessibility violations (serious or critical):" + Environment.NewLine + string.Join(Environment.NewLine, report));
    }

    private static async Task CheckAsync(IPage page, string name, List<string> report)
    {
        foreach (var violation in await Axe.SeriousViolationsAsync(page))
        {
            report.Add($"{name}: {violation}");
        }
    }
}
