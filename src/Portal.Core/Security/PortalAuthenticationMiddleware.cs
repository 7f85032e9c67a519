using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;

namespace Portal.Core.Security;

/// <summary>
/// The framework's authentication step, with one difference: the schemes that handle whole
/// requests themselves (OpenIddict's server and validation handlers) are asked only on the API's
/// paths, <c>/connect/...</c> (the token endpoint) and <c>/api/...</c> (whose bearer tokens need
/// the validation transaction that step opens). The framework's middleware asks each of them on
/// every request, the cached home page included, and each answers "not mine" only after building
/// its own transaction and running its request pipeline: measured, that doubled the cost of a page
/// served from the output cache. Everything
/// else is as the framework does it: the default scheme (the sign-in cookie) authenticates every
/// request and sets <see cref="HttpContext.User"/>; bearer tokens are read by the endpoints that
/// name their scheme (<c>[RequireScope]</c>).
/// </summary>
internal sealed class PortalAuthenticationMiddleware(RequestDelegate next, IAuthenticationSchemeProvider schemes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Features.Set<IAuthenticationFeature>(new AuthenticationFeature
        {
            OriginalPath = context.Request.Path,
            OriginalPathBase = context.Request.PathBase,
        });

        if (Hosting.TenantResolutionMiddleware.IsApiPath(context.Request.Path))
        {
            var handlers = context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
            foreach (var scheme in await schemes.GetRequestHandlerSchemesAsync())
            {
                if (await handlers.GetHandlerAsync(context, scheme.Name) is IAuthenticationRequestHandler handler && await handler.HandleRequestAsync())
                {
                    return;
                }
            }
        }

        if (await schemes.GetDefaultAuthenticateSchemeAsync() is { } defaultScheme)
        {
            var result = await context.AuthenticateAsync(defaultScheme.Name);
            if (result.Principal is not null)
            {
                context.User = result.Principal;
            }

            if (result.Succeeded)
            {
                var features = new AuthenticatedFeatures(result);
                context.Features.Set<IHttpAuthenticationFeature>(features);
                context.Features.Set<IAuthenticateResultFeature>(features);
            }
        }

        await next(context);
    }

    /// <summary>What the framework records of a successful default authentication, for later middleware and endpoints.</summary>
    private sealed class AuthenticatedFeatures(AuthenticateResult result) : IHttpAuthenticationFeature, IAuthenticateResultFeature
    {
        private AuthenticateResult? _result = result;
        private ClaimsPrincipal? _user = result.Principal;

        public AuthenticateResult? AuthenticateResult
        {
            get => _result;
            set
            {
                _result = value;
                _user = value?.Principal;
            }
        }

        public ClaimsPrincipal? User
        {
            get => _user;
            set
            {
                _user = value;
                _result = null;
            }
        }
    }
}
