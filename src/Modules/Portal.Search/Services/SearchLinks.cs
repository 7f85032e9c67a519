using Microsoft.AspNetCore.Http;
using Portal.Core.Hosting;

namespace Portal.Search.Services;

/// <summary>Where a result links to: its path on this site, or the other site's absolute address and the path.</summary>
internal static class SearchLinks
{
    public static string Href(HttpContext context, int currentSiteId, SearchHit hit)
    {
        var path = hit.Path.StartsWith('~') ? hit.Path[1..] : hit.Path;
        return hit.Site.Id == currentSiteId
            ? context.Request.PathBase.ToUriComponent() + path
            : SiteUrls.Base(context, hit.Site) + path;
    }

    public static string Absolute(HttpContext context, SearchHit hit)
    {
        var path = hit.Path.StartsWith('~') ? hit.Path[1..] : hit.Path;
        return SiteUrls.Base(context, hit.Site) + path;
    }
}
