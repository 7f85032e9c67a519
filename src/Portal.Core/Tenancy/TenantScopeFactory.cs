using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Tenancy;

/// <summary>
/// Opens a unit of work for a given tenant outside an HTTP request (CLI, provisioning, jobs).
/// This is the explicit way to act for another tenant: everything resolved from the scope is
/// filtered to that tenant.
/// </summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopes)
{
    public AsyncServiceScope CreateScope(Tenant tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return scope;
    }
}
