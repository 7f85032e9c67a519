using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

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

    /// <summary>The auth cookie the first node set, as a Cookie header (the handler keeps it internally).</summary>
    private static async Task<string> CookieHeaderAsync(AdminClient client)
    {
        var probe = await client.Http.GetAsync("/admin");
        Assert.Equal(System.Net.HttpStatusCode.OK, probe.StatusCode);
        return string.Join("; ", client.Cookies.GetCookies(new Uri("http://localhost/")).Select(c => $"{c.Name}={c.Value}"));
    }
}
