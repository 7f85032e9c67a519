using HtmlAgilityPack;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Portal.Core;
using Portal.Core.Forms.Challenge;

namespace Portal.Tests.Kernel.Forms;

/// <summary>
/// The public forms' anti-bot check without a host: a ticket is accepted once, with the work
/// done, before it expires, on the site and form it was issued for; anything else is refused with
/// the reason; the honeypot fails a post like a failed challenge; the filter leaves the action to
/// show the form again.
/// </summary>
[Trait("Category", "Fast")]
public sealed class FormChallengeTests : IDisposable
{
    private readonly FormChallengeRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public void A_solved_ticket_is_accepted_once()
    {
        var challenge = _rig.For();
        var ticket = challenge.Issue("questions");
        var nonce = FormChallengeSolver.Solve(ticket);

        Assert.Equal(FormChallengeResult.Ok, challenge.Verify("questions", ticket.Token, nonce));
        Assert.Equal(FormChallengeResult.Reused, challenge.Verify("questions", ticket.Token, nonce));
        // A second request scope of the same process remembers it too.
        Assert.Equal(FormChallengeResult.Reused, _rig.For().Verify("questions", ticket.Token, nonce));
    }

    [Fact]
    public void The_defaults_ask_14_bits_for_20_minutes_and_configuration_changes_them()
    {
        var defaults = _rig.For(options: new PortalOptions()).Issue("questions");
        Assert.Equal(14, defaults.Difficulty);
        Assert.Equal(DateTimeKind.Utc, defaults.ExpiresUtc.Kind);
        Assert.InRange(defaults.ExpiresUtc - _rig.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(19.9), TimeSpan.FromMinutes(20));
        Assert.Matches("^[0-9a-f]{32}$", defaults.Salt);

        var configured = _rig.For(options: new PortalOptions { Forms = { ChallengeBits = 10, ChallengeMinutes = 5 } }).Issue("questions");
        Assert.Equal(10, configured.Difficulty);
        Assert.InRange(configured.ExpiresUtc - _rig.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5));

        var extreme = _rig.For(options: new PortalOptions { Forms = { ChallengeBits = 99, ChallengeMinutes = 0 } }).Issue("questions");
        Assert.Equal(24, extreme.Difficulty);
        Assert.InRange(extreme.ExpiresUtc - _rig.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void A_nonce_without_the_work_is_refused_and_leaves_the_ticket_usable()
    {
        var challenge = _rig.For();
        var ticket = challenge.Issue("questions");
        var nonce = FormChallengeSolver.Solve(ticket);
        var wrong = Enumerable.Range(0, 1000).Select(n => "x" + n).First(n => !FormChallengeSolver.DoesWork(ticket.Salt, n, ticket.Difficulty));

        Assert.Equal(FormChallengeResult.Invalid, challenge.Verify("questions", ticket.Token, wrong));
        Assert.Equal(FormChallengeResult.Invalid, challenge.Verify("questions", ticket.Token, new string('1', 33)));
        Assert.Equal(FormChallengeResult.Ok, challenge.Verify("questions", ticket.Token, nonce));
    }

    [Fact]
    public void A_ticket_expires_after_its_lifetime()
    {
        var challenge = _rig.For(options: new PortalOptions { Forms = { ChallengeBits = 8 } });
        var early = challenge.Issue("questions");
        var late = challenge.Issue("questions");

        _rig.Clock.Offset = TimeSpan.FromMinutes(19.9);
        Assert.Equal(FormChallengeResult.Ok, challenge.Verify("questions", early.Token, FormChallengeSolver.Solve(early)));

        _rig.Clock.Offset = TimeSpan.FromMinutes(20);
        Assert.Equal(FormChallengeResult.Expired, challenge.Verify("questions", late.Token, FormChallengeSolver.Solve(late)));
        Assert.Equal(FormChallengeResult.Expired, challenge.Verify("questions", early.Token, FormChallengeSolver.Solve(early)));
    }

    [Fact]
    public void A_ticket_of_another_form_is_refused()
    {
        var challenge = _rig.For();
        var ticket = challenge.Issue("questions");

        Assert.Equal(FormChallengeResult.Invalid, challenge.Verify("dialogue", ticket.Token, FormChallengeSolver.Solve(ticket)));
        Assert.Equal(FormChallengeResult.Ok, challenge.Verify("questions", ticket.Token, FormChallengeSolver.Solve(ticket)));
    }

    [Fact]
    public void A_ticket_of_another_site_is_refused()
    {
        var ticket = _rig.For(tenantId: 1).Issue("questions");

        Assert.Equal(FormChallengeResult.Invalid, _rig.For(tenantId: 2).Verify("questions", ticket.Token, FormChallengeSolver.Solve(ticket)));
        Assert.Equal(FormChallengeResult.Ok, _rig.For(tenantId: 1).Verify("questions", ticket.Token, FormChallengeSolver.Solve(ticket)));
    }

    [Fact]
    public void A_ticket_of_another_installation_is_refused()
    {
        var ticket = _rig.For().Issue("questions");
        using var other = new FormChallengeRig(protection: new EphemeralDataProtectionProvider());

        Assert.Equal(FormChallengeResult.Invalid, other.For().Verify("questions", ticket.Token, FormChallengeSolver.Solve(ticket)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(60)]
    [InlineData(-1)]
    public void A_changed_token_is_refused(int position)
    {
        var challenge = _rig.For();
        var ticket = challenge.Issue("questions");
        var index = position < 0 ? ticket.Token.Length - 2 : position;
        var changed = ticket.Token[..index] + (ticket.Token[index] == 'A' ? 'B' : 'A') + ticket.Token[(index + 1)..];

        Assert.Equal(FormChallengeResult.Invalid, challenge.Verify("questions", changed, FormChallengeSolver.Solve(ticket)));
        Assert.Equal(FormChallengeResult.Invalid, challenge.Verify("questions", ticket.Token[..^4], FormChallengeSolver.Solve(ticket)));
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("AAAA")]
    [InlineData("%%%")]
    public void Garbage_is_refused(string token)
    {
        Assert.Equal(FormChallengeResult.Invalid, _rig.For().Verify("questions", token, "1"));
        Assert.Equal(FormChallengeResult.Invalid, _rig.For().Verify("questions", new string('A', 5000), "1"));
    }

    [Theory]
    [InlineData(null, "1")]
    [InlineData("", "1")]
    [InlineData("token", null)]
    [InlineData("token", "")]
    [InlineData("token", "  ")]
    public void A_post_without_token_or_nonce_is_missing(string? token, string? nonce)
    {
        var ticket = _rig.For().Issue("questions");

        Assert.Equal(FormChallengeResult.Missing, _rig.For().Verify("questions", token == "token" ? ticket.Token : token, nonce));
    }

    [Fact]
    public void Every_refusal_has_a_vietnamese_message()
    {
        foreach (var result in Enum.GetValues<FormChallengeResult>().Where(r => r != FormChallengeResult.Ok))
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Message()));
        }

        Assert.Contains("bật JavaScript", FormChallengeResult.Missing.Message(), StringComparison.Ordinal);
        Assert.Equal("Phiên kiểm tra đã hết hạn, hãy gửi lại.", FormChallengeResult.Expired.Message());
    }

    [Fact]
    public void A_filled_honeypot_fails_like_a_challenge_and_leaves_the_ticket_unused()
    {
        var challenge = _rig.For();
        var ticket = challenge.Issue("questions");
        var nonce = FormChallengeSolver.Solve(ticket);

        var trapped = Form(ticket, nonce, honeypot: "http://spam.example");
        Assert.True(FormChallenge.HoneypotFilled(trapped));
        Assert.Equal(FormChallengeResult.Invalid, challenge.Check("questions", trapped));

        var clean = Form(ticket, nonce, honeypot: "");
        Assert.False(FormChallenge.HoneypotFilled(clean));
        Assert.Equal(FormChallengeResult.Ok, challenge.Check("questions", clean));
    }

    [Fact]
    public async Task The_filter_puts_a_failure_beside_the_challenge_and_still_runs_the_action()
    {
        var challenge = _rig.For();
        var ticket = challenge.Issue("questions");
        var filter = new RequireFormChallengeAttribute("questions");

        var (trapped, trappedRan) = await RunFilterAsync(filter, challenge, "POST", Form(ticket, FormChallengeSolver.Solve(ticket), honeypot: "x"));
        Assert.True(trappedRan);
        Assert.Equal(FormChallengeResult.Invalid.Message(), Assert.Single(trapped[FormChallenge.ModelStateKey]!.Errors).ErrorMessage);

        var (missing, missingRan) = await RunFilterAsync(filter, challenge, "POST", Form(ticket, "", honeypot: ""));
        Assert.True(missingRan);
        Assert.Equal(FormChallengeResult.Missing.Message(), Assert.Single(missing[FormChallenge.ModelStateKey]!.Errors).ErrorMessage);

        var (passed, passedRan) = await RunFilterAsync(filter, challenge, "POST", Form(ticket, FormChallengeSolver.Solve(ticket), honeypot: ""));
        Assert.True(passedRan);
        Assert.True(passed.IsValid);

        var (shown, shownRan) = await RunFilterAsync(filter, challenge, "GET", form: null);
        Assert.True(shownRan);
        Assert.True(shown.IsValid);
    }

    [Fact]
    public void The_tag_helper_writes_a_fresh_ticket_the_honeypot_and_the_status_line()
    {
        var challenge = _rig.For();
        var http = new DefaultHttpContext();
        var cache = new OutputCacheFeature();
        http.Features.Set<IOutputCacheFeature>(cache);
        Assert.False(FormChallenge.IsOnPage(http));

        var html = new HtmlDocument();
        html.LoadHtml(FormChallengeRig.Render(challenge, "questions", http));

        Assert.True(FormChallenge.IsOnPage(http));
        Assert.False(cache.Context.AllowCacheStorage);
        var box = html.DocumentNode.SelectSingleNode("/div[@class='form-challenge']");
        Assert.NotNull(box);
        string Value(string name) => box.SelectSingleNode($".//input[@type='hidden'][@name='{name}']")!.GetAttributeValue("value", null!);
        var token = Value(FormChallenge.TokenField);
        var salt = Value(FormChallenge.SaltField);
        var bits = int.Parse(Value(FormChallenge.BitsField), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("", Value(FormChallenge.NonceField));
        Assert.Equal(8, bits);
        Assert.Equal(FormChallengeResult.Ok, challenge.Verify("questions", token, FormChallengeSolver.Solve(salt, bits)));

        var trap = box.SelectSingleNode(".//div[@class='trap'][@aria-hidden='true']")!;
        var input = trap.SelectSingleNode($".//input[@name='{FormChallenge.HoneypotField}']")!;
        Assert.Equal("-1", input.GetAttributeValue("tabindex", ""));
        Assert.Equal("off", input.GetAttributeValue("autocomplete", ""));
        Assert.Equal("true", input.GetAttributeValue("aria-hidden", ""));
        Assert.Equal("", input.GetAttributeValue("value", "?"));
        Assert.Null(input.GetAttributeValue("style", null!));
        var label = trap.SelectSingleNode($".//label[@for='{input.Id}']")!;
        Assert.Contains("để trống", HtmlEntity.DeEntitize(label.InnerText), StringComparison.Ordinal);
        Assert.NotNull(box.SelectSingleNode(".//*[@role='status'][@data-challenge-status]"));
        Assert.Null(box.SelectSingleNode(".//*[@role='alert']"));

        // A second form on the same page gets its own honeypot id.
        var second = new HtmlDocument();
        second.LoadHtml(FormChallengeRig.Render(challenge, "questions", http));
        Assert.NotEqual(input.Id, second.DocumentNode.SelectSingleNode($"//input[@name='{FormChallenge.HoneypotField}']")!.Id);
    }

    [Fact]
    public void The_tag_helper_shows_the_failure_beside_the_challenge()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError(FormChallenge.ModelStateKey, FormChallengeResult.Expired.Message());

        var html = new HtmlDocument();
        html.LoadHtml(FormChallengeRig.Render(_rig.For(), "questions", modelState: modelState));

        var alert = html.DocumentNode.SelectSingleNode("//div[@class='form-challenge']//*[@role='alert']")!;
        Assert.Equal(FormChallengeResult.Expired.Message(), HtmlEntity.DeEntitize(alert.InnerText));
    }

    [Theory]
    [InlineData(new byte[] { 0x80 }, 0)]
    [InlineData(new byte[] { 0x01 }, 7)]
    [InlineData(new byte[] { 0x00, 0x00, 0x3f }, 18)]
    [InlineData(new byte[] { 0x00, 0x00 }, 16)]
    public void Zero_bits_are_counted_from_the_first_byte(byte[] hash, int expected)
    {
        Assert.Equal(expected, FormChallengeSolver.LeadingZeroBits(hash));
    }

    [Fact]
    public void The_solver_finds_the_first_nonce_that_does_the_work()
    {
        var nonce = FormChallengeSolver.Solve("abc", 10);

        Assert.True(FormChallengeSolver.DoesWork("abc", nonce, 10));
        Assert.All(Enumerable.Range(0, int.Parse(nonce, System.Globalization.CultureInfo.InvariantCulture)), n => Assert.False(FormChallengeSolver.DoesWork("abc", n.ToString(System.Globalization.CultureInfo.InvariantCulture), 10)));
        Assert.True(FormChallengeSolver.DoesWork(new string('ệ', 300), FormChallengeSolver.Solve(new string('ệ', 300), 4), 4));
    }

    private static FormCollection Form(FormChallengeTicket ticket, string nonce, string honeypot) => new(new Dictionary<string, StringValues>
    {
        [FormChallenge.TokenField] = ticket.Token,
        [FormChallenge.SaltField] = ticket.Salt,
        [FormChallenge.BitsField] = ticket.Difficulty.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [FormChallenge.NonceField] = nonce,
        [FormChallenge.HoneypotField] = honeypot,
        ["Title"] = "Câu hỏi của tôi",
    });

    private static async Task<(ModelStateDictionary ModelState, bool ActionRan)> RunFilterAsync(RequireFormChallengeAttribute filter, IFormChallenge challenge, string method, FormCollection? form)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddSingleton(challenge).BuildServiceProvider() };
        http.Request.Method = method;
        if (form is not null)
        {
            http.Request.ContentType = "application/x-www-form-urlencoded";
            http.Features.Set<IFormFeature>(new FormFeature(form));
        }

        var action = new ActionContext(http, new RouteData(), new ActionDescriptor(), new ModelStateDictionary());
        var executing = new ActionExecutingContext(action, [], new Dictionary<string, object?>(), controller: new object());
        var ran = false;
        await filter.OnActionExecutionAsync(executing, () =>
        {
            ran = true;
            return Task.FromResult(new ActionExecutedContext(action, [], controller: new object()));
        });
        Assert.Null(executing.Result);
        return (action.ModelState, ran);
    }

    private sealed class OutputCacheFeature : IOutputCacheFeature
    {
        public OutputCacheContext Context { get; } = new() { HttpContext = new DefaultHttpContext(), AllowCacheStorage = true };
    }
}
