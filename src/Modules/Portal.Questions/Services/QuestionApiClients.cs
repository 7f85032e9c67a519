using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Core.Api;
using Portal.Core.Tenancy;

namespace Portal.Questions.Services;

/// <summary><c>Portal:Questions</c>: the submission limits (docs/contracts.md).</summary>
public sealed class QuestionSettings
{
    public const string Section = "Portal:Questions";

    /// <summary>Submissions per site and client address and hour, form and anonymous API together.</summary>
    public int SubmissionsPerAddressPerHour { get; set; } = 20;

    /// <summary>Submissions per site and API client (token with <c>questions.submit</c>) and hour.</summary>
    public int SubmissionsPerClientPerHour { get; set; } = 1000;

    /// <summary>Look-ups by tracking code (page and API together) per site and client address and minute.</summary>
    public int LookupsPerAddressPerMinute { get; set; } = 60;
}

/// <summary>
/// Who a token caller is for the questions it sends: the key stored in
/// <see cref="Models.QuestionCase.ApiClientId"/>. A client id is unique on its own site only, and a
/// site above may call this one, so a token of another site's client is kept apart as
/// <c>{clientId}@{that site's id}</c>; a client of this site is its plain client id.
/// </summary>
internal static class QuestionApiClients
{
    public static string? Key(ClaimsPrincipal user, TenantContext site, TenantCatalog catalog)
    {
        if (ApiCaller.ClientId(user) is not { Length: > 0 } clientId)
        {
            return null;
        }

        var tokenSite = ApiCaller.Site(user);
        return tokenSite is null || tokenSite == site.Tenant.Name
            ? clientId
            : $"{clientId}@{catalog.FindByName(tokenSite)?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? tokenSite}";
    }
}

/// <summary>
/// The per-client limit of token callers. The host's rate limiter runs before authentication, so
/// it cannot tell clients apart; this one is asked by the API once the token is validated (the
/// per-address policy lets bearer calls through for that reason, <see cref="Startup"/>).
/// </summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class QuestionClientLimits(IOptions<QuestionSettings> settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, settings.Value.SubmissionsPerClientPerHour),
            Window = TimeSpan.FromHours(1),
        }));

    /// <summary>True when the client may send one more now; otherwise how long until it may, when known.</summary>
    public bool TryAcquire(int siteId, string clientKey, out TimeSpan? retryAfter)
    {
        using var lease = _limiter.AttemptAcquire($"{siteId}|{clientKey}");
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
