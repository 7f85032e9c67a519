using System.Globalization;
using HtmlAgilityPack;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using Portal.Core.Forms.Challenge;
using Portal.Core.Security;
using Portal.Tests.Infrastructure;
using Portal.Tests.Kernel.Forms;

namespace Portal.Tests.Browser;

/// <summary>
/// The Gov theme's <c>challenge.js</c> in Chromium, on a form written by the kernel's tag helper
/// under the site's Content-Security-Policy (pages served by Playwright, no portal process): it
/// finds the same nonce as <see cref="FormChallengeSolver"/>, with WebCrypto over https and with its
/// own SHA-256 over plain http (no WebCrypto there), and a submit pressed before it is done is
/// held back and then sent. The module whose form uses it (Q&amp;A) tests the whole round trip.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormChallengeBrowserTests(Infrastructure.Browser browser) : IClassFixture<Infrastructure.Browser>
{
    private const int Bits = 16;
    private const string CspNonce = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("https")]
    [InlineData("http")]
    public async Task The_script_solves_the_challenge_and_sends_a_form_submitted_before_it_was_done(string scheme)
    {
        using var rig = new FormChallengeRig(bits: Bits);
        var challenge = rig.For();
        // A ticket whose first answer is far enough along that the click below surely comes before it.
        string markup, salt, expected;
        do
        {
            markup = FormChallengeRig.Render(challenge, "questions");
            var html = new HtmlDocument();
            html.LoadHtml(markup);
            salt = html.DocumentNode.SelectSingleNode($"//input[@name='{FormChallenge.SaltField}']")!.GetAttributeValue("value", "");
            expected = FormChallengeSolver.Solve(salt, Bits);
        }
        while (int.Parse(expected, CultureInfo.InvariantCulture) < 40_000);

        var page = $"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>Gửi câu hỏi</title></head>
            <body><main>
            <form method="post" action="/gui">
            <label for="Title">Tiêu đề</label><input id="Title" name="Title" value="Câu hỏi về đất đai">
            {markup}
            <button type="submit">Gửi câu hỏi</button>
            </form>
            </main>
            <script src="/challenge.js" nonce="{CspNonce}" defer></script>
            </body></html>
            """;
        var script = await File.ReadAllTextAsync(Path.Combine(RunningPortal.RepositoryRoot(), "src", "Themes", "Portal.Theme.Gov", "wwwroot", "challenge.js"));
        var origin = scheme + "://cong.example";
        var posted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var tab = await context.NewPageAsync();
        var problems = new List<string>();
        tab.Console += (_, message) => { if (message.Type is "error" or "warning") { problems.Add(message.Text); } };
        tab.PageError += (_, error) => problems.Add(error);
        await tab.RouteAsync(origin + "/**", route => new Uri(route.Request.Url).AbsolutePath switch
        {
            "/hoi-dap" => route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "text/html; charset=utf-8",
                Body = page,
                Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = SecurityHeadersMiddleware.Policy(CspNonce, admin: false) },
            }),
            "/challenge.js" => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/javascript; charset=utf-8", Body = script }),
            "/gui" => Posted(route),
            _ => route.FulfillAsync(new RouteFulfillOptions { Status = 404 }),
        });

        await tab.GotoAsync(origin + "/hoi-dap", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var before = await tab.EvaluateAsync<string[]>("""
            () => [String(window.isSecureContext && !!crypto.subtle),
                   document.querySelector('input[name="challengeNonce"]').value,
                   document.querySelector('[data-challenge-status]').textContent]
            """);
        await tab.ClickAsync("button[type=submit]");
        var body = await posted.Task.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(scheme == "https" ? "true" : "false", before[0]);
        Assert.Equal("", before[1]);
        Assert.Equal(FormChallengeTagHelper.WorkingText, before[2]);
        var fields = QueryHelpers.ParseQuery(body);
        Assert.Equal("Câu hỏi về đất đai", fields["Title"].ToString());
        Assert.Equal("", fields[FormChallenge.HoneypotField].ToString());
        Assert.Equal(expected, fields[FormChallenge.NonceField].ToString());
        Assert.Equal(FormChallengeResult.Ok, challenge.Verify("questions", fields[FormChallenge.TokenField], fields[FormChallenge.NonceField]));
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        Task Posted(IRoute route)
        {
            posted.TrySetResult(route.Request.PostData ?? "");
            return route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/plain; charset=utf-8", Body = "Đã gửi" });
        }
    }
}
