using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// A citizen searches the demo province on a phone: from the box in the header, typing without
/// diacritics, then narrowing to legal documents; the results page is readable at 390 px, marks
/// the matched words and has no serious accessibility violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchBrowserTests(RunningDemoPortal portal, Infrastructure.Browser browser)
    : IClassFixture<RunningDemoPortal>, IClassFixture<Infrastructure.Browser>
{
    [Fact]
    public async Task On_a_phone_a_citizen_searches_from_the_header_without_diacritics_and_narrows_to_documents()
    {
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(portal.BaseUrl + "/");

        // The demo's index is built a moment after the server starts: ask again until it answers.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await page.Locator("#header-q").FillAsync("giay phep xay dung");
            await page.Locator("#header-q").PressAsync("Enter");
            await page.WaitForURLAsync("**/tim-kiem?q=*");
            if (await page.Locator(".search-result").CountAsync() > 0 || DateTime.UtcNow > deadline)
            {
                break;
            }

            await page.GotoAsync(portal.BaseUrl + "/");
            await Task.Delay(250);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Infrastructure.Browser.ScreenshotPath("search-phone"), FullPage = true });
        Assert.True(await page.Locator(".search-result").CountAsync() > 0, "the search found nothing in the demo");
        Assert.Contains("Tìm thấy", await page.Locator(".search-summary").InnerTextAsync());
        Assert.True(await page.Locator(".search-result mark").CountAsync() > 0, "the matched words are marked");
        var marked = (await page.Locator(".search-result mark").First.InnerTextAsync()).Trim().ToLowerInvariant();
        Assert.Contains(marked, new[] { "giấy", "phép", "xây", "dựng" });
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The results page is {width}px wide on a 390px screen.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await page.GetByText("Lọc kết quả").ClickAsync();
        await page.GetByLabel("Văn bản", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).Last.ClickAsync();
        await page.WaitForURLAsync("**type=legal-document*");
        var types = await page.Locator(".search-result .result-type").AllInnerTextsAsync();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("Văn bản", t.Trim()));

        // Each result opens its page.
        await page.Locator(".search-result h2 a").First.ClickAsync();
        await page.WaitForURLAsync("**/van-ban/*");
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("main h1").InnerTextAsync()));
    }
}
