using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

/// <summary>
/// Defects 4 and 5 of issue #10: security headers on every page, only the sites' hosts accepted,
/// forwarded headers believed only from the configured proxies, and absolute links built from
/// the site's canonical address.
/// </summary>
public sealed class HostsAndHeadersTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Public_pages_carry_a_policy_with_a_nonce_and_no_inline_scripts()
    {
        var response = await Factory.CreateClient().GetAsync("/");
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Matches("script-src 'self' 'nonce-[a-f0-9]{32}'", policy);
        Assert.DoesNotContain("unsafe-inline' ", policy.Split("script-src")[1].Split(';')[0] + " ");
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Every_response_gets_its_own_nonce_and_the_scripts_carry_it()
    {
        var client = Factory.CreateClient();
        var first = await client.GetAsync("/");
        var second = await client.GetAsync("/trang/gioi-thieu");
        var nonce = System.Text.RegularExpressions.Regex.Match(string.Join(";", first.Headers.GetValues("Content-Security-Policy")), "'nonce-([^']+)'").Groups[1].Value;

        Assert.NotEqual(string.Join(";", first.Headers.GetValues("Content-Security-Policy")), string.Join(";", second.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains($"nonce=\"{nonce}\"", await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signed_in_admin_pages_cannot_be_framed()
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        var response = await admin.Http.GetAsync("/admin");

        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Hsts_is_sent_on_https_only()
    {
        var https = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var response = await https.GetAsync("/");

        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task An_unknown_host_is_refused_and_a_sites_own_host_is_served()
    {
        await Factory.ProvisionAsync("xa-co-ten-mien", hosts: ["xacotenmien.tinh.gov.vn"]);

        var evil = await SendAsync(Factory, "/", host: "evil.example");
        var site = await SendAsync(Factory, "/", host: "xacotenmien.tinh.gov.vn");

        Assert.Equal(StatusCodes.Status400BadRequest, evil.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, site.Response.StatusCode);
    }

    [Fact]
    public async Task A_forwarded_host_from_an_unknown_address_does_not_reach_the_sitemap_or_the_feed()
    {
        foreach (var path in new[] { "/sitemap.xml", "/rss", "/robots.txt" })
        {
            var context = await SendAsync(Factory, path, forwardedHost: "evil.example", remote: IPAddress.Loopback);
            var body = await new StreamReader(context.Response.Body).ReadToEndAsync();

            Assert.True(StatusCodes.Status200OK == context.Response.StatusCode, $"{path}: {context.Response.StatusCode} {body}");
            Assert.DoesNotContain("evil.example", body);
        }
    }

    [Fact]
    public async Task A_known_proxy_forwards_a_sites_host_but_not_an_unknown_one()
    {
        await Factory.ProvisionAsync("xa-sau-proxy", hosts: ["xasauproxy.tinh.gov.vn"]);
        await using var behindProxy = Factory.WithWebHostBuilder(b => b.UseSetting("Portal:ForwardedHeaders:KnownProxies:0", "10.1.2.3"));

        var known = await SendAsync(behindProxy, "/sitemap.xml", forwardedHost: "xasauproxy.tinh.gov.vn", remote: IPAddress.Parse("10.1.2.3"));
        var evil = await SendAsync(behindProxy, "/sitemap.xml", forwardedHost: "evil.example", remote: IPAddress.Parse("10.1.2.3"));
        var stranger = await SendAsync(behindProxy, "/sitemap.xml", forwardedHost: "xasauproxy.tinh.gov.vn", remote: IPAddress.Parse("10.9.9.9"));

        Assert.Equal(StatusCodes.Status200OK, known.Response.StatusCode);
        Assert.Contains("http://xasauproxy.tinh.gov.vn/", await new StreamReader(known.Response.Body).ReadToEndAsync());
        Assert.Equal(StatusCodes.Status400BadRequest, evil.Response.StatusCode);
        Assert.DoesNotContain("xasauproxy", await new StreamReader(stranger.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task Absolute_links_come_from_the_sites_canonical_address()
    {
        var site = await Factory.ProvisionAsync("xa-chinh-tac");
        await Factory.Service<TenantManager>().RunRecipeAsync(site.Name, RecipeParser.Parse("""
            { "name": "canonical", "steps": [ { "name": "settings", "values": { "canonicalUrl": "https://xachinhtac.gov.vn" } } ] }
            """, "test"));

        var sitemap = await Factory.CreateClient().GetStringAsync("/xa-chinh-tac/sitemap.xml");
        var rss = await Factory.CreateClient().GetStringAsync("/xa-chinh-tac/rss");

        Assert.Contains("<loc>https://xachinhtac.gov.vn/</loc>", sitemap);
        Assert.DoesNotContain("localhost", sitemap);
        Assert.Contains("https://xachinhtac.gov.vn/", rss);
    }

    [Fact]
    public async Task A_canonical_address_that_is_not_http_is_refused_by_the_recipe()
    {
        var site = await Factory.ProvisionAsync("xa-sai-dia-chi");

        var error = await Record.ExceptionAsync(() => Factory.Service<TenantManager>().RunRecipeAsync(site.Name, RecipeParser.Parse("""
            { "name": "canonical", "steps": [ { "name": "settings", "values": { "canonicalUrl": "javascript:alert(1)" } } ] }
            """, "test")));

        Assert.IsType<RecipeException>(error);
    }

    private static Task<HttpContext> SendAsync(WebApplicationFactory<Program> factory, string path, string host = "localhost", string? forwardedHost = null, IPAddress? remote = null) =>
        factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Request.Headers.Host = host;
            if (forwardedHost is not null)
            {
                c.Request.Headers["X-Forwarded-Host"] = forwardedHost;
                c.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            }

            c.Connection.RemoteIpAddress = remote;
        });
}
