using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Portal.Core.Security;

/// <summary><c>[RequirePermission("ManagePages")]</c>: signed in, and granted that permission in the current tenant.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicyProvider.Prefix + permission);

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>
/// <c>[RequirePermissionOrScope("ManageTenants", ApiScopes.Tenants)]</c>: either a signed-in person
/// granted the permission in the current tenant (the admin's cookie), or an API token holding the
/// scope (which the token scheme has already checked against the site rule).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionOrScopeAttribute(string permission, string scope)
    : AuthorizeAttribute(PermissionPolicyProvider.EitherPrefix + permission + "|" + scope);

public sealed record PermissionOrScopeRequirement(string Permission, string Scope) : IAuthorizationRequirement;

internal sealed class PermissionOrScopeHandler(IPermissionService permissions) : AuthorizationHandler<PermissionOrScopeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionOrScopeRequirement requirement)
    {
        if ((Api.ApiCaller.IsApiClient(context.User) && Api.ApiCaller.HasScope(context.User, requirement.Scope))
            || await permissions.HasPermissionAsync(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}

internal sealed class PermissionHandler(IPermissionService permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await permissions.HasPermissionAsync(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>A token holds the scope an endpoint names (<see cref="Api.RequireScopeAttribute"/>).</summary>
internal sealed class ApiScopeHandler : AuthorizationHandler<Api.ApiScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Api.ApiScopeRequirement requirement)
    {
        if (Api.ApiCaller.HasScope(context.User, requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Turns policy names of the form <c>perm:Name</c> (permissions) and <c>scope:name</c> (API token scopes) into policies on demand.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, IAuthenticationSchemeProvider schemes) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "perm:";

    /// <summary><c>perm-or-scope:Permission|scope</c> (<see cref="RequirePermissionOrScopeAttribute"/>).</summary>
    public const string EitherPrefix = "perm-or-scope:";

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(policyName[Prefix.Length..]))
                .Build();
        }

        if (policyName.StartsWith(EitherPrefix, StringComparison.Ordinal) && policyName[EitherPrefix.Length..].Split('|') is [var permission, var scope])
        {
            // Both the sign-in cookie (the default scheme) and the token scheme are asked; either may answer.
            var cookie = await schemes.GetDefaultAuthenticateSchemeAsync();
            string[] both = cookie is null ? [Api.ApiAuthentication.Scheme] : [cookie.Name, Api.ApiAuthentication.Scheme];
            return new AuthorizationPolicyBuilder(both)
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionOrScopeRequirement(permission, scope))
                .Build();
        }

        if (policyName.StartsWith(Api.ApiScopePolicy.Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder(Api.ApiAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new Api.ApiScopeRequirement(policyName[Api.ApiScopePolicy.Prefix.Length..]))
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}
