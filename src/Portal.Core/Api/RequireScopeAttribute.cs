using Microsoft.AspNetCore.Authorization;

namespace Portal.Core.Api;

/// <summary>
/// <c>[RequireScope(ApiScopes.ContentRead)]</c>: a bearer token issued to an API client of this
/// site or of a site above it, holding that scope. Without a valid token the answer is 401, with
/// one that lacks the scope 403 (both problem details). The token scheme and the site check are the
/// API-token module's; this attribute only names what an endpoint needs.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequireScopeAttribute : AuthorizeAttribute
{
    public RequireScopeAttribute(string scope)
        : base(ApiScopePolicy.Prefix + scope)
    {
        Scope = scope;
        AuthenticationSchemes = ApiAuthentication.Scheme;
    }

    /// <summary>The scope, for the OpenAPI document's security requirement of the operation.</summary>
    public string Scope { get; }
}

/// <summary>The authentication scheme that reads API bearer tokens.</summary>
public static class ApiAuthentication
{
    /// <summary>OpenIddict's validation handler registers under this name.</summary>
    public const string Scheme = "OpenIddict.Validation.AspNetCore";
}

public sealed record ApiScopeRequirement(string Scope) : IAuthorizationRequirement;

/// <summary>Policy names <c>scope:NAME</c> (see <see cref="RequireScopeAttribute"/>).</summary>
public static class ApiScopePolicy
{
    public const string Prefix = "scope:";
}
