using Microsoft.AspNetCore.Http;
using Portal.Core.Tenancy;

namespace Portal.Core.Hosting;

/// <summary>
/// The absolute address of a site for what leaves the page (sitemap, RSS, share links, canonical
/// links): the site's <c>canonicalUrl</c> setting, else its first host name, else the province's
/// canonical address plus the site's prefix, else the request's own (already allowed) host.
/// Never the raw Host or X-Forwarded-Host of an untrusted request.
/// </summary>
public static class SiteUrls
{
    public const string CanonicalUrlSetting = "canonicalUrl";

    /// <summary>The site's own <c>canonicalUrl</c> setting when it is an absolute http(s) address, without a trailing slash.</summary>
    public static string? CanonicalBase(Tenant tenant) =>
        tenant.Setting(CanonicalUrlSetting) is { Length: > 0 } value && IsValidBase(value) ? value.TrimEnd('/') : null;

    public static bool IsValidBase(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;

    /// <summary>The site's absolute base address (scheme, host and path base), without a trailing slash.</summary>
    public static string Base(HttpContext context)
    {
        var tenantContext = context.RequestServices.GetService(typeof(TenantContext)) as TenantContext;
        var request = context.Request;
        return tenantContext is { IsResolved: true }
            ? Base(context, tenantContext.Tenant)
            : $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
    }

    /// <summary>
    /// The absolute base address of any site, asked from a request on this one (a province's page
    /// linking to a commune's articles): the same order as <see cref="Base(HttpContext)"/>; the last
    /// resort is this request's host with the other site's prefix in place of this one's.
    /// </summary>
    public static string Base(HttpContext context, Tenant tenant)
    {
        var request = context.Request;
        if (CanonicalBase(tenant) is { } own)
        {
            return own;
        }

        var prefix = tenant.Prefix.Length > 0 ? "/" + tenant.Prefix : "";
        if (tenant.Hosts.Count > 0 && HostNames.TryNormalize(tenant.Hosts[0], out var host) && host.Length > 0)
        {
            return $"{request.Scheme}://{host}{prefix}";
        }

        var catalog = context.RequestServices.GetService(typeof(TenantCatalog)) as TenantCatalog;
        if (catalog?.Default is { } province && province.Id != tenant.Id && CanonicalBase(province) is { } provinceBase)
        {
            return provinceBase + prefix;
        }

        // The path base holds this request's own site prefix (moved there by tenant resolution):
        // for this site it is the answer; for another, the application's base is what comes before it.
        var pathBase = request.PathBase.Value ?? "";
        var current = context.RequestServices.GetService(typeof(TenantContext)) as TenantContext;
        if (current is { IsResolved: true } && current.TenantId == tenant.Id)
        {
            return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
        }

        if (current is { IsResolved: true, MatchedPrefix.Length: > 0 } && pathBase.EndsWith("/" + current.MatchedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            pathBase = pathBase[..^(current.MatchedPrefix.Length + 1)];
        }

        return $"{request.Scheme}://{request.Host.ToUriComponent()}{new PathString(pathBase).ToUriComponent()}{prefix}";
    }
}
