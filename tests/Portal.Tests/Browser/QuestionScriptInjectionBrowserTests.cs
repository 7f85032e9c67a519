using System.Text.Json;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using Portal.Tests.Reliability;

namespace Portal.Tests.Browser;

/// <summary>
/// Issue #12, "no stored script runs on any page": questions whose title and content carry script
/// and event-handler markup are stored through the API, then the pages that show them — the lookup
/// page /hoi-dap/tra-cuu, and the form shown again with the citizen's text kept — are opened in
/// Chromium, listening for dialogs and for the markers the payloads would set.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QuestionScriptInjectionBrowserTests(RunningPortal portal, Infrastructure.Browser browser)
    : IClassFixture<RunningPortal>, IClassFixture<Infrastructure.Browser>
{
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "\"><svg onload=alert(3)>",
        "</textarea><script>alert(4)</script>",
        "<iframe srcdoc=\"<script>parent.alert(5)</script>\"></iframe>",
        "<a href=\"javascript:alert(6)\" id=\"xss-link\">bấm</a>",
    ];

    [Fact]
    public async Task Stored_questions_with_script_markup_run_no_script_on_the_lookup_page_or_the_form()
    {
        using var http = new HttpClient();
        var codes = new List<string>();
        foreach (var payload in Payloads)
        {
            var body = JsonSerializer.Serialize(new
            {
                senderName = "Người thử " + payload,
                email = "thu@example.vn",
                title = "Câu hỏi " + payload,
                content = "Nội dung kèm mã độc để thử: " + payload,
                field = "dat-dai",
                consentToPublish = true,
            }).TrimEnd('}') + ", " + await QuestionTraffic.ChallengeAsync(http, portal.BaseUrl) + "}";
            using var response = await QuestionTraffic.PostApiAsync(http, portal.BaseUrl, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, text);
            codes.Add(JsonDocument.Parse(text).RootElement.GetProperty("trackingCode").GetString()!);
        }

        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        for (var i = 0; i < codes.Count; i++)
        {
            var response = await page.GotoAsync($"{portal.BaseUrl}/hoi-dap/tra-cuu?ma={codes[i]}");
            Assert.Equal(200, response!.Status);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal("Câu hỏi " + Payloads[i], (await page.Locator("#status-title").InnerTextAsync()).Trim());
            Assert.Equal(0, await page.Locator("main script, main img[src=x], main svg, main iframe, main #xss-link").CountAsync());
        }

        // The form shown again (an e-mail that is not one) keeps every payload as text, in fields.
        await page.GotoAsync($"{portal.BaseUrl}/hoi-dap/gui-cau-hoi");
        await page.Locator("#SenderName").FillAsync(Payloads[2]);
        await page.Locator("#Email").FillAsync("khong-phai-thu " + Payloads[1]);
        await page.Locator("#Title").FillAsync(Payloads[0]);
        await page.Locator("#Content").FillAsync(string.Join(" ", Payloads));
        await page.Locator("#Field").SelectOptionAsync("dat-dai");
        await page.GetByText("Đã sẵn sàng gửi.").WaitForAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi" }).ClickAsync();
        await page.Locator("#form-errors").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(string.Join(" ", Payloads), await page.Locator("#Content").InputValueAsync());
        Assert.Equal(Payloads[0], await page.Locator("#Title").InputValueAsync());
        Assert.Equal(0, await page.Locator("main form script, main img[src=x], main svg, main iframe, main #xss-link").CountAsync());

        Assert.Empty(dialogs);
        Assert.Empty(errors);
    }
}
