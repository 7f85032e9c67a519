using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Portal.Api.Services;
using Portal.Core.Api;
using Portal.Core.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Api.Controllers;

/// <summary>
/// <c>POST /connect/token</c> of every site (under its prefix or host). OpenIddict has already
/// authenticated the client (its secret, its site through the tenant filter on the clients table)
/// and refused other grants and unknown scopes; this adds deny-by-default scopes and the claims.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
public sealed class TokenController(IOpenIddictApplicationManager applications, TenantContext site) : Controller
{
    [HttpPost("~/connect/token")]
    public async Task<IActionResult> Exchange()
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        if (request is null || !request.IsClientCredentialsGrantType() || request.ClientId is null)
        {
            return Reject(Errors.UnsupportedGrantType, "Only the client_credentials grant is supported.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId, HttpContext.RequestAborted);
        if (application is null)
        {
            return Reject(Errors.InvalidClient, "Unknown client.");
        }

        var requested = request.GetScopes();
        if (requested.IsEmpty)
        {
            return Reject(Errors.InvalidScope, "Name the scopes the token is for (scope=\"content.read ...\"): none is granted by default.");
        }

        var granted = ApiClientCalls.ScopesFrom(await applications.GetPermissionsAsync(application, HttpContext.RequestAborted));
        var refused = requested.Where(s => !granted.Contains(s)).ToList();
        if (refused.Count > 0)
        {
            return Reject(Errors.InvalidScope, $"This client is not granted the scope(s): {string.Join(' ', refused)}.");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(ApiCaller.ClientIdClaim, request.ClientId);
        identity.SetClaim(ApiCaller.SiteClaim, site.Tenant.Name);
        identity.SetScopes(requested);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private ForbidResult Reject(string error, string description) =>
        Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
