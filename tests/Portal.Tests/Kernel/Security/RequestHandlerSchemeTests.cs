using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Security;

/// <summary>
/// Schemes that answer whole requests (OpenIddict's, for <c>/connect/token</c> and the API's
/// bearer tokens) are asked only under <c>/connect</c> and <c>/api</c>: asking them on every request doubled the cost of a page served from the
/// output cache (the public pages benchmark). A scheme of this test counts how often it is asked.
/// </summary>
public sealed class RequestHandlerSchemeTests : IClassFixture<RequestHandlerSchemeTests.Fixture>
{
    private readonly Fixture _fixture;

    public RequestHandlerSchemeTests(Fixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_request_handling_scheme_answers_under_connect_and_api_and_is_not_asked_elsewhere()
    {
        var client = _fixture.Factory.CreateClient();
        var asked = _fixture.Factory.Service<Asked>();

        var before = asked.Count;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tin-tuc")).StatusCode);
        Assert.Equal(before, asked.Count);

        using var probe = await client.GetAsync("/connect/probe");
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal("answered by the scheme", await probe.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, asked.Count);
        await client.GetAsync("/api/content/news");
        Assert.Equal(before + 2, asked.Count);
    }

    [Fact]
    public async Task The_token_endpoint_is_still_answered_by_its_scheme()
    {
        using var response = await _fixture.Factory.CreateClient().PostAsync("/connect/token",
            new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", "nobody"), new("client_secret", "x"), new("scope", "content.read")]));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync());
    }

    public sealed class Fixture() : PortalFixture(DatabaseProvider.Sqlite)
    {
        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<Asked>();
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ProbeScheme>("probe", null);
        }
    }

    internal sealed class Asked
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    /// <summary>Answers <c>/connect/probe</c> itself, like OpenIddict answers its endpoints; counts every time it is asked.</summary>
    internal sealed class ProbeScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Asked asked)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder), IAuthenticationRequestHandler
    {
        public async Task<bool> HandleRequestAsync()
        {
            asked.Add();
            if (Request.Path != "/connect/probe")
            {
                return false;
            }

            await Response.WriteAsync("answered by the scheme");
            return true;
        }

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
