using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>The news editor's body is a rich-text editor (HugeRTE from npm, served by the admin theme) whose text is saved.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RichTextEditorBrowserTests(RunningPortal portal, Infrastructure.Browser browser)
    : IClassFixture<RunningPortal>, IClassFixture<Infrastructure.Browser>
{
    [Fact]
    public async Task Text_typed_into_the_rich_text_editor_survives_a_validation_error_and_is_saved_as_the_body()
    {
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(portal.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("about:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        await AdminSession.SignInAsync(page, portal.BaseUrl);

        await page.GotoAsync(portal.BaseUrl + "/admin/news/create");
        await AdminSession.RichTextBody(page).WaitForAsync();
        Assert.False(await page.Locator("textarea#Body").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Infrastructure.Browser.ScreenshotPath("admin-news-editor"), FullPage = true });

        await page.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync("Khánh thành cầu Hòa Bình");
        await AdminSession.TypeRichTextAsync(page, "Cây cầu nối hai bờ sông Hồng.");

        // No category: the form comes back with the error and the editor still holds the text.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        Assert.True(await page.GetByText("Vui lòng chọn chuyên mục.").IsVisibleAsync());
        Assert.Contains("Cây cầu nối hai bờ sông Hồng.", await AdminSession.RichTextBody(page).InnerTextAsync());

        await page.GetByLabel("Chuyên mục").SelectOptionAsync("thong-bao");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/create", StringComparison.Ordinal));

        // The edit page as the server renders it after saving: the stored body, as HTML.
        var stored = await page.Locator("textarea#Body").InputValueAsync();
        Assert.Contains("<p>Cây cầu nối hai bờ sông Hồng.</p>", stored);
        Assert.Contains("Cây cầu nối hai bờ sông Hồng.", await AdminSession.RichTextBody(page).InnerTextAsync());
        Assert.Empty(outside);
    }
}
