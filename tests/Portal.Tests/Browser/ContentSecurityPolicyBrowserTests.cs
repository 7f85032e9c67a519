using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// Issue #10, defect 4: every public page and every admin page (the admin menu's, the editors with
/// the rich-text editor loaded) works under the Content-Security-Policy: the browser reports no
/// violation, neither as a securitypolicyviolation event nor on the console.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(RunningPortal portal, Infrastructure.Browser browser)
    : IClassFixture<RunningPortal>, IClassFixture<Infrastructure.Browser>
{
    private const string Recorder = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
        """;

    private static readonly string[] PublicPages =
    [
        "/", "/tin-tuc", "/van-ban", "/thu-tuc-hanh-chinh", "/trang/gioi-thieu", "/so-do-cong", "/tim-kiem?q=a", "/khong-co-trang-nay",
    ];

    private static readonly string[] Editors =
    [
        "/admin/pages/create", "/admin/news/create", "/admin/media/upload", "/admin/users/add",
    ];

    [Fact]
    public async Task Public_pages_report_no_policy_violation()
    {
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        await context.AddInitScriptAsync(Recorder);
        var page = await context.NewPageAsync();
        var console = Console(page);

        var violations = new List<string>();
        foreach (var path in PublicPages)
        {
            violations.AddRange(await VisitAsync(page, path));
        }

        violations.AddRange(console);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // The canary: an inline script without the nonce is refused and the recorder sees it, so
        // an empty list above means "no violation", not "nothing was listening".
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.appendChild(s); }");
        await page.WaitForFunctionAsync("() => window.__csp.length > 0");
        Assert.False(await page.EvaluateAsync<bool>("() => window.__ran === true"));
    }

    [Fact]
    public async Task Admin_pages_and_editors_report_no_policy_violation()
    {
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        await context.AddInitScriptAsync(Recorder);
        var page = await context.NewPageAsync();
        var console = Console(page);
        await AdminSession.SignInAsync(page, portal.BaseUrl);

        var menu = await page.Locator("nav.admin-nav a").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)");
        Assert.NotEmpty(menu);
        var violations = new List<string>();
        foreach (var path in menu.Concat(Editors).Distinct())
        {
            violations.AddRange(await VisitAsync(page, path));
        }

        // The rich-text editor (HugeRTE) loads its scripts, skin and iframe under the policy.
        await page.GotoAsync(portal.BaseUrl + "/admin/pages/create");
        await AdminSession.RichTextBody(page).WaitForAsync();
        await AdminSession.TypeRichTextAsync(page, "Nội dung dưới CSP");
        violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__csp"));

        violations.AddRange(console);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private async Task<IEnumerable<string>> VisitAsync(IPage page, string path)
    {
        await page.GotoAsync(portal.BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var found = await page.EvaluateAsync<string[]>("() => window.__csp");
        return found.Select(v => $"{path}: {v}");
    }

    private static List<string> Console(IPage page)
    {
        var messages = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (messages)
                {
                    messages.Add(page.Url + ": " + message.Text);
                }
            }
        };
        return messages;
    }
}
