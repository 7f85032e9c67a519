using Portal.Core.Tenancy;

namespace Portal.Api.Services;

/// <summary>
/// Where a token may be used: on the site whose <c>/connect/token</c> issued it and on the sites
/// below it (a province's integrator reads its communes), never on a sibling or a parent.
/// </summary>
internal static class ApiSiteRule
{
    /// <param name="tokenSite">The token's <c>portal_site</c> claim.</param>
    /// <param name="requestSite">The site the request resolved to.</param>
    /// <param name="ancestorsOfRequestSite">The request site's ancestors (<see cref="TenantCatalog.Ancestors"/>).</param>
    public static bool Accepts(string? tokenSite, Tenant requestSite, IEnumerable<Tenant> ancestorsOfRequestSite) =>
        !string.IsNullOrEmpty(tokenSite)
        && (string.Equals(requestSite.Name, tokenSite, StringComparison.Ordinal)
            || ancestorsOfRequestSite.Any(a => string.Equals(a.Name, tokenSite, StringComparison.Ordinal)));
}
