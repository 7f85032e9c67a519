using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// A citizen asks a question on a phone in a real browser (the anti-bot check runs in the page):
/// a refused first try keeps the text and puts each message beside its field, the second shows
/// the tracking code, which the lookup page finds; the board then sees the question counted in its
/// admin menu and accepts it. axe-core finds no serious or critical violation on the form, the
/// refused form, the code page or the case page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuestionSubmissionBrowserTests(RunningPortal portal, Infrastructure.Browser browser)
    : IClassFixture<RunningPortal>, IClassFixture<Infrastructure.Browser>
{
    [Fact]
    public async Task A_citizen_asks_on_a_phone_and_the_board_accepts_the_question()
    {
        var report = new List<string>();
        await using var phone = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true });
        var page = await phone.NewPageAsync();
        await page.GotoAsync(portal.BaseUrl + "/hoi-dap/gui-cau-hoi");
        await CheckAsync(page, "form", report);

        await page.GetByLabel("Họ và tên", new() { Exact = true }).FillAsync("Lê Văn Hỏi");
        await page.GetByLabel("Thư điện tử", new() { Exact = true }).FillAsync("khong-hop-le");
        await page.GetByLabel("Tiêu đề câu hỏi", new() { Exact = true }).FillAsync("Hỏi về đăng ký thường trú cho con");
        await page.GetByLabel("Nội dung câu hỏi", new() { Exact = true }).FillAsync("Con tôi mới sinh, xin hỏi đăng ký thường trú cần những giấy tờ gì và nộp ở đâu?");
        await page.GetByLabel("Lĩnh vực", new() { Exact = true }).SelectOptionAsync("tu-phap");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi" }).ClickAsync();
        await page.WaitForSelectorAsync(".alert-error");
        var messages = await page.Locator(".field-error").AllInnerTextsAsync();
        var keptContent = await page.GetByLabel("Nội dung câu hỏi", new() { Exact = true }).InputValueAsync();
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await CheckAsync(page, "refused form", report);

        await page.GetByLabel("Thư điện tử", new() { Exact = true }).FillAsync("le.van.hoi@example.vn");
        await page.GetByText("Tôi đồng ý để câu hỏi").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi" }).ClickAsync();
        await page.WaitForURLAsync("**/hoi-dap/gui-cau-hoi/da-gui");
        var code = (await page.Locator("#tracking-code").InnerTextAsync()).Trim();
        await CheckAsync(page, "code page", report);
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem tình trạng xử lý" }).ClickAsync();
        var status = await page.Locator(".question-status").InnerTextAsync();

        await using var office = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var admin = await office.NewPageAsync();
        await AdminSession.SignInAsync(admin, portal.BaseUrl);
        var menu = admin.GetByRole(AriaRole.Navigation, new() { Name = "Menu quản trị" });
        var triageEntry = await menu.GetByRole(AriaRole.Link, new() { Name = "Hỏi đáp: tiếp nhận" }).InnerTextAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "Hỏi đáp: tiếp nhận" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await CheckAsync(admin, "case", report);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận", Exact = true }).ClickAsync();
        var accepted = await admin.Locator(".alert-success").InnerTextAsync();

        Assert.Contains(messages, m => m.Contains("không phải địa chỉ thư điện tử hợp lệ", StringComparison.Ordinal));
        Assert.StartsWith("Con tôi mới sinh", keptContent);
        Assert.True(scrollWidth <= 360, $"The refused form scrolls sideways on a phone ({scrollWidth}px).");
        Assert.Matches("^[2-9A-Z]{5}-[2-9A-Z]{5}$", code);
        Assert.Contains("Đã tiếp nhận", status);
        Assert.DoesNotContain("le.van.hoi@example.vn", status);
        Assert.Matches(@"Hỏi đáp: tiếp nhận\s*:?\s*\d+", triageEntry);
        Assert.Contains("Đã tiếp nhận câu hỏi", accepted);
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
