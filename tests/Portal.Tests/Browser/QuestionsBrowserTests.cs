using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>A citizen on a phone reads the demo's answered questions and says whether an answer helped.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuestionsBrowserTests(RunningDemoPortal portal, Infrastructure.Browser browser)
    : IClassFixture<RunningDemoPortal>, IClassFixture<Infrastructure.Browser>
{
    [Fact]
    public async Task On_a_phone_the_answers_are_readable_and_the_rating_counts_once()
    {
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(portal.BaseUrl + "/hoi-dap");
        Assert.Equal(200, response!.Status);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Infrastructure.Browser.ScreenshotPath("hoi-dap-phone"), FullPage = true });
        Assert.Equal("Hỏi đáp", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal(15, await page.Locator(".qa-item").CountAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Gửi câu hỏi", Exact = true }).IsVisibleAsync());
        await AssertNoSidewaysScrollAsync(page, 360);
        var fontSize = await page.Locator(".qa-item h2 a").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(fontSize >= 16, $"titles are {fontSize}px");

        await page.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Label = "Xây dựng, nhà ở" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await page.WaitForURLAsync("**/hoi-dap?*field=xay-dung*");
        Assert.True(await page.Locator(".qa-item").CountAsync() >= 4);

        await page.Locator(".qa-item h2 a").First.ClickAsync();
        await page.WaitForSelectorAsync("#danh-gia");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Infrastructure.Browser.ScreenshotPath("hoi-dap-answer-phone"), FullPage = true });
        await AssertNoSidewaysScrollAsync(page, 360);
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Trả lời", Exact = true }).IsVisibleAsync());

        var status = page.Locator("[data-rating-status]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Có", Exact = true }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Cảm ơn bạn đã đánh giá câu trả lời.");
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Có", Exact = true }).IsVisibleAsync());

        // The page is the same cached page for everyone; the second vote from this visitor is not counted.
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Không", Exact = true }).ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("Bạn đã đánh giá câu trả lời này trước đây");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, int width)
    {
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= width, $"The page is {pageWidth}px wide on a {width}px screen: it scrolls sideways.");
    }
}
