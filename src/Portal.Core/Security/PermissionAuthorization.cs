using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Portal.Core.Security;

/// <summary><c>[RequirePermission("ManagePages")]</c>: signed in, and granted that permission in the current tenant.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicyProvider.Prefix + permission);

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

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
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "perm:";

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(policyName[Prefix.Length..]))
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
