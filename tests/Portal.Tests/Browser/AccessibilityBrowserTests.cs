using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// A government portal must meet WCAG 2.1 AA: axe-core finds no serious or critical violation on
/// the pages citizens use most (news, a tag, legal documents, procedures), on the administrators'
/// door and on the news editor.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(RunningPortal portal, Infrastructure.Browser browser)
    : IClassFixture<RunningPortal>, IClassFixture<Infrastructure.Browser>
{
    [Fact]
    public async Task Public_pages_sign_in_and_news_editor_have_no_serious_accessibility_violations()
    {
        var report = new List<string>();
        var article = await PublishArticleAsync(report);

        // A desk and a phone: the main menu is a different control on each.
        foreach (var width in new[] { 1280, 390 })
        {
            await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", ViewportSize = new ViewportSize { Width = width, Height = 800 } });
            var page = await context.NewPageAsync();
            foreach (var path in new[] { "/", "/tin-tuc", article, "/the/tiep-cong-dan", "/van-ban", "/van-ban?type=khong-co", "/thu-tuc-hanh-chinh", "/trang/gioi-thieu", "/admin/login" })
            {
                var response = await page.GotoAsync(portal.BaseUrl + path);
                Assert.Equal(200, response!.Status);
                await CheckAsync(page, $"{path} ({width}px)", report);
            }
        }

        Assert.True(report.Count == 0, "Accessibility violations (serious or critical):" + Environment.NewLine + string.Join(Environment.NewLine, report));
    }

    private static async Task CheckAsync(IPage page, string name, List<string> report)
    {
        foreach (var violation in await Axe.SeriousViolationsAsync(page))
        {
            report.Add($"{name}: {violation}");
        }
    }

    /// <summary>
    /// The demo data is off in tests: an article written and published (without review) in the
    /// admin, whose news editor (with the rich-text editor loaded) is checked on the way.
    /// </summary>
    private async Task<string> PublishArticleAsync(List<string> report)
    {
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await AdminSession.SignInAsync(page, portal.BaseUrl);
        await page.GotoAsync(portal.BaseUrl + "/admin/news/create");
        await AdminSession.RichTextBody(page).WaitForAsync();
        await CheckAsync(page, "/admin/news/create", report);
        await page.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync("Lịch tiếp công dân tháng Mười hai");
        await page.GetByLabel("Sapo (tóm tắt)").FillAsync("Lãnh đạo tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng.");
        await AdminSession.TypeRichTextAsync(page, "Địa điểm: Trụ sở tiếp công dân tỉnh.");
        await page.GetByLabel("Chuyên mục").SelectOptionAsync("thong-bao");
        await page.GetByLabel("Từ khóa (cách nhau bởi dấu phẩy)").FillAsync("Tiếp công dân");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.GetByLabel("Lý do xuất bản không qua duyệt").FillAsync("Kiểm tra khả năng tiếp cận");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xuất bản ngay" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        var slug = await page.Locator("#Slug").InputValueAsync();
        return $"/tin-tuc/thong-bao/{slug}";
    }
}
