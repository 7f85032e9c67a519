using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Questions.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Questions;

/// <summary>A host whose question limits are low enough to reach in a test.</summary>
public sealed class LowQuestionLimitsFixture() : PortalFixture(DatabaseProvider.Sqlite)
{
    public const int PerAddress = 3;

    public const int PerClient = 4;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.PostConfigure<QuestionSettings>(s =>
        {
            s.SubmissionsPerAddressPerHour = PerAddress;
            s.SubmissionsPerClientPerHour = PerClient;
        });
}

/// <summary>
/// Issue #12 item 1's limits: per site and address for anonymous callers (the form and the API
/// together), per client for tokens; a refusal is 429 with Retry-After, problem details on the API
/// and the site's readable page on the form.
/// </summary>
public sealed class QuestionRateLimitTests(LowQuestionLimitsFixture fixture) : IClassFixture<LowQuestionLimitsFixture>
{
    [Fact]
    public async Task A_token_client_past_its_hourly_limit_gets_429_problem_details_with_retry_after()
    {
        var site = await fixture.Factory.ProvisionAsync("xa-gh-token");
        var http = await QuestionApi.TokenClientAsync(fixture.Factory, site.Name, "app-gh-token");
        var other = await QuestionApi.TokenClientAsync(fixture.Factory, site.Name, "app-gh-token-khac");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < LowQuestionLimitsFixture.PerClient + 2; i++)
        {
            answers.Add(await QuestionApi.PostAsync(http, "/xa-gh-token", QuestionApi.Json()));
        }

        Assert.All(answers.Take(LowQuestionLimitsFixture.PerClient), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var refused = answers[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await QuestionApi.JsonAsync(refused);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("Quá nhiều yêu cầu", problem.GetProperty("title").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Another client of the same site and address is not held back by the first one's use.
        Assert.Equal(HttpStatusCode.Created, (await QuestionApi.PostAsync(other, "/xa-gh-token", QuestionApi.Json())).StatusCode);
        Assert.Equal(LowQuestionLimitsFixture.PerClient + 1, (await QuestionApi.CasesAsync(fixture.Factory, site)).Count);
    }

    [Fact]
    public async Task Anonymous_callers_past_the_per_address_limit_get_429_problem_details_on_the_api()
    {
        await fixture.Factory.ProvisionAsync("xa-gh-an-danh");
        var anonymous = fixture.Factory.CreateClient();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < LowQuestionLimitsFixture.PerAddress + 1; i++)
        {
            statuses.Add(await QuestionApi.PostAsync(anonymous, "/xa-gh-an-danh", QuestionApi.Json()));
        }

        Assert.All(statuses.Take(LowQuestionLimitsFixture.PerAddress), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode)); // no challenge, but counted
        var refused = statuses[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await QuestionApi.JsonAsync(refused)).GetProperty("status").GetInt32());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // A made-up bearer header does not get around the limit: it is a 401, and the form never skips it.
        var forged = fixture.Factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await QuestionApi.PostAsync(forged, "/xa-gh-an-danh", QuestionApi.Json())).StatusCode);
    }

    [Fact]
    public async Task The_form_past_the_limit_shows_a_readable_vietnamese_page()
    {
        await fixture.Factory.ProvisionAsync("xa-gh-form");
        var browser = fixture.Factory.CreateClient();

        HttpResponseMessage last = null!;
        for (var i = 0; i < LowQuestionLimitsFixture.PerAddress + 1; i++)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["SenderName"] = "Lan", ["Title"] = "Câu hỏi" });
            form.Headers.ContentType!.CharSet = "utf-8";
            var request = new HttpRequestMessage(HttpMethod.Post, "/xa-gh-form/hoi-dap/gui-cau-hoi") { Content = form };
            request.Headers.Add("Authorization", "Bearer x"); // a bearer header changes nothing on the form
            last = await browser.SendAsync(request);
        }

        var page = await last.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("text/html", last.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Quá nhiều yêu cầu", page);
        Assert.Contains("phút", page);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
