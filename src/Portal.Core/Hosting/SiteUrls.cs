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
        if (tenantContext is not { IsResolved: true })
        {
            return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
        }

        var tenant = tenantContext.Tenant;
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

        return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
    }
}
