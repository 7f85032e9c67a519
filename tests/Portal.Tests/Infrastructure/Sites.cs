using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;
using Portal.Pages.Models;
using Portal.Pages.Services;
using Portal.Users.Models;
using Portal.Users.Services;

namespace Portal.Tests.Infrastructure;

/// <summary>Arranges data the way the application itself does: through a tenant scope and the modules' services.</summary>
public static class Sites
{
    public static async Task<Page> AddPageAsync(this PortalFactory factory, Tenant tenant, string slug, string title, string body = "<p>Nội dung</p>")
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(tenant);
        var page = new Page { Slug = slug, Title = title, Body = body, Published = true };
        await scope.ServiceProvider.GetRequiredService<PageStore>().SaveAsync(page, CancellationToken.None);
        return page;
    }

    public static async Task<Page?> FindPageAsync(this PortalFactory factory, Tenant tenant, int id)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<PageStore>().FindAsync(id, CancellationToken.None);
    }

    /// <summary>Creates a login that is Administrator of one site only.</summary>
    public static async Task CreateSiteAdministratorAsync(this PortalFactory factory, Tenant tenant, string userName, string password)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(tenant);
        await scope.ServiceProvider.GetRequiredService<AdministratorAccounts>().EnsureAsync(userName, null, password);
    }

    public static async Task GrantAsync(this PortalFactory factory, Tenant tenant, string userName, string role = RoleNames.Editor)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(tenant);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        await scope.ServiceProvider.GetRequiredService<IRoleGrants>().GrantAsync(user.Id, role);
    }
}
