using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>What a citizen on a phone and an editor at a desk see, in a real browser against a real server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicSiteBrowserTests(RunningPortal portal, Infrastructure.Browser browser)
    : IClassFixture<RunningPortal>, IClassFixture<Infrastructure.Browser>
{
    [Fact]
    public async Task On_a_phone_the_home_page_is_readable_with_a_working_menu_and_text_size()
    {
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(portal.BaseUrl + "/");
        Assert.Equal(200, response!.Status);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Infrastructure.Browser.ScreenshotPath("home-phone"), FullPage = true });

        Assert.Equal("Tỉnh An Hòa", (await page.Locator(".brand-name").InnerTextAsync()).Trim(), ignoreCase: true);
        var introduction = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu chính" }).GetByRole(AriaRole.Link, new() { Name = "Giới thiệu" });
        Assert.False(await introduction.IsVisibleAsync());
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 390, $"The page is {pageWidth}px wide on a 390px screen: it scrolls sideways.");

        await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        Assert.True(await introduction.IsVisibleAsync());

        var before = await FontSizeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tăng cỡ chữ" }).ClickAsync();
        Assert.True(await FontSizeAsync(page) > before);

        await introduction.ClickAsync();
        await page.WaitForURLAsync("**/trang/gioi-thieu");
        Assert.Equal("Giới thiệu", await page.Locator("main h1").InnerTextAsync());
    }

    [Fact]
    public async Task An_administrator_signs_in_writes_a_page_and_citizens_see_it()
    {
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(portal.BaseUrl + "/admin");
        Assert.Contains("/admin/login", page.Url);
        await page.GetByLabel("Tên đăng nhập", new() { Exact = true }).FillAsync("admin");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(PortalFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "Trang tĩnh" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm trang" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        Assert.True(await page.GetByText("Vui lòng nhập tiêu đề.").IsVisibleAsync());

        await page.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync("Sơ đồ bộ máy");
        // The body is a rich-text editor over the textarea (admin.js): HTML goes in as if pasted.
        await AdminSession.RichTextBody(page).WaitForAsync();
        await page.EvaluateAsync("html => hugerte.activeEditor.setContent(html)", "<h2>Lãnh đạo</h2><p>Chủ tịch, các Phó Chủ tịch.</p>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        Assert.True(await page.GetByText("Đã lưu trang \"Sơ đồ bộ máy\".").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Infrastructure.Browser.ScreenshotPath("admin-pages"), FullPage = true });

        var citizen = await context.Browser!.NewPageAsync();
        var response = await citizen.GotoAsync(portal.BaseUrl + "/trang/so-do-bo-may");
        Assert.Equal(200, response!.Status);
        Assert.Equal("Lãnh đạo", await citizen.Locator("main h2").InnerTextAsync());
    }

    private static Task<double> FontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.documentElement).fontSize)");
}
