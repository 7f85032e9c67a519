using System.Security.Claims;
using OpenIddict.Abstractions;
using Portal.Api.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Api;

/// <summary>
/// The cache of validated tokens (<see cref="ValidatedTokens"/>): a token comes back only as the
/// same bytes and only until it expires; a principal without an expiry, or already expired, is
/// never stored. What can change during a token's life is checked on every call regardless (the
/// tests of <c>ApiTokenTests</c>: revoked clients and withdrawn scopes are refused at once).
/// </summary>
[Trait("Category", "Fast")]
public sealed class ValidatedTokensTests
{
    [Fact]
    public void A_token_is_found_as_the_same_bytes_until_it_expires()
    {
        var clock = new ShiftableClock();
        using var tokens = new ValidatedTokens(clock);
        tokens.Remember("token-a", Principal(clock.GetUtcNow().AddMinutes(10)));

        Assert.Equal("bench", tokens.Find("token-a")?.FindFirst("client_id")?.Value);
        Assert.Null(tokens.Find("token-b"));
        Assert.Null(tokens.Find("token-a "));

        clock.Offset = TimeSpan.FromMinutes(11);
        Assert.Null(tokens.Find("token-a"));
    }

    [Fact]
    public void A_principal_without_a_future_expiry_is_not_stored()
    {
        var clock = new ShiftableClock();
        using var tokens = new ValidatedTokens(clock);
        tokens.Remember("expired", Principal(clock.GetUtcNow().AddSeconds(-1)));
        tokens.Remember("no-expiry", Principal(null));

        Assert.Null(tokens.Find("expired"));
        Assert.Null(tokens.Find("no-expiry"));
    }

    [Fact]
    public void A_found_principal_is_a_copy_the_caller_may_change()
    {
        var clock = new ShiftableClock();
        using var tokens = new ValidatedTokens(clock);
        tokens.Remember("token-a", Principal(clock.GetUtcNow().AddMinutes(10)));

        ((ClaimsIdentity)tokens.Find("token-a")!.Identity!).AddClaim(new Claim("added", "x"));

        Assert.Null(tokens.Find("token-a")!.FindFirst("added"));
    }

    private static ClaimsPrincipal Principal(DateTimeOffset? expires)
    {
        var identity = new ClaimsIdentity("test");
        identity.AddClaim(new Claim("client_id", "bench"));
        var principal = new ClaimsPrincipal(identity);
        if (expires is { } at)
        {
            principal.SetExpirationDate(at);
        }

        return principal;
    }
}
