using Microsoft.AspNetCore.Http;
using Portal.Core.Tenancy;

namespace Portal.Procedures.Services;

/// <summary>
/// Where the province's Media library answers, seen from a page of one of its communes. A shared
/// procedure's forms are the province's files (/media/{...}); built under the commune's PathBase
/// they would ask the commune's library, which does not have them.
/// </summary>
internal static class SharedMediaRoot
{
    /// <summary>
    /// The address the province's <c>/media/...</c> paths go after: its prefix from the root of
    /// this host ("/tinh-x"; "" for a province without prefix), or its own host
    /// ("https://tinh-x.gov.vn") when it has host names and this request is not on one of them.
    /// </summary>
    public static string For(Tenant province, HttpRequest request, string matchedPrefix)
    {
        var prefix = province.Prefix.Length > 0 ? "/" + province.Prefix : "";
        if (province.Hosts.Count > 0 && !province.Hosts.Contains(request.Host.Host, StringComparer.OrdinalIgnoreCase))
        {
            return $"{request.Scheme}://{province.Hosts[0]}{prefix}";
        }

        // PathBase is the application's base followed by the commune's prefix; keep only the former.
        var pathBase = request.PathBase.Value ?? "";
        var siteSegment = matchedPrefix.Length > 0 ? "/" + matchedPrefix : "";
        if (siteSegment.Length > 0 && pathBase.EndsWith(siteSegment, StringComparison.OrdinalIgnoreCase))
        {
            pathBase = pathBase[..^siteSegment.Length];
        }

        return pathBase + prefix;
    }

    /// <summary>The link of a form: a web address as it is, a /media/ path on <paramref name="root"/>.</summary>
    public static string FormHref(string url, string root) => url.StartsWith('/') ? root + url : url;
}
