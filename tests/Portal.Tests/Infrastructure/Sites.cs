using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Tenancy;
using Portal.Pages.Services;
using Portal.Users.Models;
using Portal.Users.Services;

namespace Portal.Tests.Infrastructure;

/// <summary>Arranges data the way the application itself does: through a tenant scope and the modules' services.</summary>
public static class Sites
{
    /// <summary>Writes a page and publishes it, as an editor saving with "public" ticked.</summary>
    public static async Task<PageRef> AddPageAsync(this PortalFactory factory, Tenant tenant, string slug, string title, string body = "<p>Nội dung</p>")
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(tenant);
        var writer = scope.ServiceProvider.GetRequiredService<PageWriter>();
        var id = Guid.NewGuid().ToString("N");
        await scope.ServiceProvider.GetRequiredService<ContentManager>().UpsertAsync(new ContentUpsert("page", id, writer.Draft(new PageInput(title, slug, body)), true, ContentActor.System));
        var item = await writer.FindAsync(id, CancellationToken.None);
        return new PageRef(item!.ContentItemId, item.Slug, item.Title);
    }

    /// <summary>The page's latest version, or null when the site has no such page.</summary>
    public static async Task<ContentItem?> FindPageAsync(this PortalFactory factory, Tenant tenant, string id)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<PageWriter>().FindAsync(id, CancellationToken.None);
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

/// <summary>A page a test wrote: its content item id and address.</summary>
public sealed record PageRef(string Id, string Slug, string Title);
