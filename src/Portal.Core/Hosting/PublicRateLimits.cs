using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;

namespace Portal.Core.Hosting;

/// <summary>
/// The partition every public form and anonymous API call is limited by: the site and the
/// caller's address, so one site's visitors never use up another's limit. A module names its
/// limit; the kernel decides what one caller is.
/// </summary>
public static class PublicRateLimits
{
    public static string SiteAndAddress(HttpContext context) =>
        $"{context.RequestServices.GetRequiredService<TenantContext>().TenantId}|{context.Connection.RemoteIpAddress}";

    /// <summary>
    /// A call to the API carrying a bearer token (never a form: its posts are limited per address
    /// whatever their headers). The limiter runs before authentication, so such a call is let
    /// through here and limited per client, or not at all, once its token is validated.
    /// </summary>
    public static bool IsBearerApiCall(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="permits"/> per <paramref name="window"/> per site and address; bearer API calls pass when <paramref name="exceptBearerApiCalls"/>.</summary>
    public static RateLimitPartition<string> PerSiteAndAddress(HttpContext context, int permits, TimeSpan window, bool exceptBearerApiCalls = false) =>
        exceptBearerApiCalls && IsBearerApiCall(context)
            ? RateLimitPartition.GetNoLimiter("bearer")
            : RateLimitPartition.GetFixedWindowLimiter(
                SiteAndAddress(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = window });
}
