using OpenIddict.Abstractions;
using OpenIddict.Validation;
using Portal.Core.Api;
using Portal.Core.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Portal.Api.Services;

/// <summary>
/// Runs inside OpenIddict's validation, right after the token's signature, encryption, issuer and
/// expiry were checked: the token must come from this site or a site above it
/// (<see cref="ApiSiteRule"/>) and its client must still exist with the token's scopes
/// (<see cref="ApiClientCalls"/>). A refusal here is a failed authentication, so the API answers 401,
/// not 403: to this site the token is no credential at all. A token that passes and was not already
/// in <see cref="ValidatedTokens"/> is kept there, so its next call skips the decryption and signature check.
/// </summary>
internal sealed class ApiTokenSiteCheck(TenantContext site, TenantCatalog catalog, ApiClientCalls calls, ValidatedTokens validated) : IOpenIddictValidationHandler<ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<ApiTokenSiteCheck>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.AccessTokenPrincipal is not { } principal)
        {
            return;
        }

        var tokenSite = catalog.FindByName(principal.GetClaim(ApiCaller.SiteClaim) ?? "");
        if (tokenSite is null || !site.IsResolved || !ApiSiteRule.Accepts(tokenSite.Name, site.Tenant, catalog.Ancestors(site.Tenant)))
        {
            context.Reject(Errors.InvalidToken, "This token was issued by another site: it is accepted only on its own site and the sites below it.");
            return;
        }

        var clientId = principal.GetClaim(ApiCaller.ClientIdClaim);
        if (clientId is null || !await calls.IsCurrentAsync(tokenSite.Id, clientId, principal.GetScopes(), context.CancellationToken))
        {
            context.Reject(Errors.InvalidToken, "The client of this token was revoked or lost a scope of the token: request a new token.");
            return;
        }

        if (!string.IsNullOrEmpty(context.AccessToken) && !context.Transaction.Properties.ContainsKey(ValidatedTokenLookup.FromCache))
        {
            validated.Remember(context.AccessToken, principal);
        }
    }
}
