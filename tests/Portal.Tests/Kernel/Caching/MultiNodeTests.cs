using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Caching;

/// <summary>Two nodes (two hosts, one PostgreSQL database) writing tenants at the same time.</summary>
public sealed class MultiNodeTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Two_nodes_cannot_give_two_sites_the_same_address()
    {
        await using var second = new PortalFactory(fixture.Factory.Database);
        _ = second.Server;
        var nodes = new[] { fixture.Factory, second };

        var attempts = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await nodes[i % 2].ProvisionAsync($"xa-tranh-{i}", prefix: "cung-dia-chi");
                return true;
            }
            catch (TenantValidationException)
            {
                return false;
            }
        }));
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(ok => ok));
        await fixture.Factory.Service<TenantCatalog>().ReloadAsync();
        Assert.Single(fixture.Factory.Service<TenantCatalog>().All, t => t.Prefix == "cung-dia-chi");
    }

    [Fact]
    public async Task A_sign_in_cookie_from_one_node_is_accepted_by_the_other()
    {
        await using var second = new PortalFactory(fixture.Factory.Database);
        var first = await AdminClient.SignedInAsync(fixture.Factory);
        var cookie = await CookieHeaderAsync(first);
        var other = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        other.DefaultRequestHeaders.Add("Cookie", cookie);

        var response = await other.GetAsync("/admin");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_edit_on_one_node_evicts_the_cached_page_on_the_other()
    {
        await using var second = new PortalFactory(fixture.Factory.Database);
        _ = second.Server;
        var site = await fixture.Factory.ProvisionAsync("xa-hai-nut");
        var page = await fixture.Factory.AddPageAsync(site, "lich-lam-viec", "Lịch làm việc", "<p>Thứ Hai họp giao ban</p>");
        var citizen = second.CreateClient();
        await WaitForAsync(async () => (await citizen.GetAsync("/xa-hai-nut/trang/lich-lam-viec")).IsSuccessStatusCode);
        var cached = await citizen.GetAsync("/xa-hai-nut/trang/lich-lam-viec");
        Assert.True(cached.Headers.Contains("Age"), "the second node should serve the page from its cache");

        await using (var scope = fixture.Factory.Service<TenantScopeFactory>().CreateScope(site))
        {
            var writer = scope.ServiceProvider.GetRequiredService<Portal.Pages.Services.PageWriter>();
            var input = new Portal.Pages.Services.PageInput(page.Title, page.Slug, "<p>Thứ Ba họp giao ban</p>");
            await scope.ServiceProvider.GetRequiredService<Portal.Core.Contents.ContentManager>().UpsertAsync(
                new Portal.Core.Contents.ContentUpsert("page", page.Id, writer.Draft(input), true, Portal.Core.Contents.ContentActor.System));
        }

        // The cached page lives ten minutes; only the event from the first node can evict it this soon.
        var seen = await WaitForAsync(async () => (await citizen.GetStringAsync("/xa-hai-nut/trang/lich-lam-viec")).Contains("Thứ Ba", StringComparison.Ordinal));

        Assert.True(seen, "the second node kept serving the old page");
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>The auth cookie the first node set, as a Cookie header (the handler keeps it internally).</summary>
    private static async Task<string> CookieHeaderAsync(AdminClient client)
    {
        var probe = await client.Http.GetAsync("/admin");
        Assert.Equal(System.Net.HttpStatusCode.OK, probe.StatusCode);
        return string.Join("; ", client.Cookies.GetCookies(new Uri("http://localhost/")).Select(c => $"{c.Name}={c.Value}"));
    }
}
