using System.Security.Claims;

namespace Portal.Core.Api;

/// <summary>
/// Who is calling the API, read from the validated token: the client's id (written into every
/// audit entry of an API write), the site the client belongs to, and its scopes.
/// </summary>
public static class ApiCaller
{
    /// <summary>The client id claim of an access token (OAuth 2.0 token exchange's <c>client_id</c>).</summary>
    public const string ClientIdClaim = "client_id";

    /// <summary>The name of the site whose <c>/connect/token</c> issued the token.</summary>
    public const string SiteClaim = "portal_site";

    /// <summary>OpenIddict keeps a token's scopes in private claims of this type, one per scope.</summary>
    public const string ScopeClaim = "oi_scp";

    public static string? ClientId(ClaimsPrincipal user) => user.FindFirst(ClientIdClaim)?.Value;

    public static string? Site(ClaimsPrincipal user) => user.FindFirst(SiteClaim)?.Value;

    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.Claims.Any(claim => claim.Type == ScopeClaim && string.Equals(claim.Value, scope, StringComparison.Ordinal));

    /// <summary>True when the request was authenticated by an API token (not a sign-in cookie).</summary>
    public static bool IsApiClient(ClaimsPrincipal user) => ClientId(user) is not null;
}
