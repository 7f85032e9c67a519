using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Pages.Models;
using Portal.Tests.Infrastructure;
using Portal.Users.Models;

namespace Portal.Tests.Modules.Tenants;

/// <summary>Provisioning, addressing, enabling and disabling sites, and what bad input gets.</summary>
public abstract class TenantLifecycleTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Default_tenant_is_the_province_and_serves_a_themed_vietnamese_home_page()
    {
        var client = Factory.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("Tỉnh An Hòa", html);
        Assert.Contains("Trang chủ", html);
        Assert.Contains("Giới thiệu", html);
        Assert.Equal(TenantLevel.Province, Factory.Service<TenantCatalog>().Default!.Level);
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }

    [Fact]
    public async Task A_tenant_answers_under_its_prefix_and_on_its_host_with_links_that_keep_the_prefix()
    {
        await Factory.ProvisionAsync("xa-hong-ha-addr");
        await Factory.ProvisionAsync("xa-host-addr", prefix: "", hosts: "xahost.tinh.gov.vn");
        var client = Factory.CreateClient();

        var byPrefix = await client.GetStringAsync("/xa-hong-ha-addr/");
        var hostClient = AdminClient.Create(Factory, "xahost.tinh.gov.vn").Http;
        var byHost = await hostClient.GetStringAsync("/");

        Assert.Contains("Xã xa-hong-ha-addr", byPrefix);
        Assert.Contains("href=\"/xa-hong-ha-addr/trang/gioi-thieu\"", byPrefix);
        Assert.Contains("Xã xa-host-addr", byHost);
        Assert.Contains("href=\"/trang/gioi-thieu\"", byHost);
    }

    [Fact]
    public async Task An_unknown_prefix_gets_the_default_sites_not_found_page()
    {
        var response = await Factory.CreateClient().GetAsync("/xa-khong-ton-tai/trang/gioi-thieu");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_disabled_tenant_answers_404_publicly_and_503_in_admin_and_keeps_its_data()
    {
        var tenant = await Factory.ProvisionAsync("xa-disabled");
        var page = await Factory.AddPageAsync(tenant, "giu-lai", "Dữ liệu được giữ");
        var manager = Factory.Service<TenantManager>();
        var client = Factory.CreateClient();

        await manager.DisableAsync(tenant.Name);
        var publicWhileDisabled = await client.GetAsync("/xa-disabled/trang/giu-lai");
        var adminWhileDisabled = await client.GetAsync("/xa-disabled/admin");
        await manager.EnableAsync(tenant.Name);
        var publicAgain = await client.GetAsync("/xa-disabled/trang/giu-lai");

        Assert.Equal(HttpStatusCode.NotFound, publicWhileDisabled.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, adminWhileDisabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publicAgain.StatusCode);
        Assert.NotNull(await Factory.FindPageAsync(tenant, page.Id));
    }

    [Fact]
    public async Task A_feature_the_tenant_has_not_enabled_answers_404_there_only()
    {
        var tenant = await Factory.ProvisionAsync("xa-no-pages");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var row = await db.Tenants.SingleAsync(t => t.Id == tenant.Id);
            row.Features = [.. row.Features.Where(f => f != "Portal.Pages")];
            row.UpdatedUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }

        await Factory.Service<TenantCatalog>().ReloadAsync();
        var client = Factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xa-no-pages/trang/gioi-thieu")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xa-no-pages/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/trang/gioi-thieu")).StatusCode);
        var signIn = await client.GetAsync("/xa-no-pages/admin/login");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.DoesNotContain("Trang tĩnh", await (await AdminClient.SignedInAsync(Factory)).Http.GetStringAsync("/xa-no-pages/admin"));
    }

    [Theory]
    [InlineData("Xa Hong Ha", "default", null, "name")]
    [InlineData("-xa", "default", null, "name")]
    [InlineData("xa-ok-1", "khong-co", null, "parent")]
    [InlineData("xa-ok-2", null, null, "parent")]
    [InlineData("xa-ok-3", "default", "admin", "prefix")]
    [InlineData("xa-ok-4", "default", "Có Dấu", "prefix")]
    public async Task Bad_requests_are_refused_with_the_field_and_nothing_is_created(string name, string? parent, string? prefix, string field)
    {
        var before = Factory.Service<TenantCatalog>().All.Count;

        var error = await Assert.ThrowsAsync<TenantValidationException>(() => Factory.Service<TenantManager>().ProvisionAsync(new TenantRequest
        {
            Name = name,
            DisplayName = "Xã thử",
            Level = "Commune",
            Parent = parent,
            Prefix = prefix,
        }));

        Assert.Contains(field, error.Errors.Keys);
        Assert.Equal(before, await CountTenantsAsync());
    }

    [Fact]
    public async Task Duplicate_names_prefixes_and_hosts_are_refused()
    {
        await Factory.ProvisionAsync("xa-dup", hosts: "xadup.tinh.gov.vn", prefix: "");
        var manager = Factory.Service<TenantManager>();

        var sameName = await Assert.ThrowsAsync<TenantValidationException>(() => Factory.ProvisionAsync("xa-dup"));
        await Factory.ProvisionAsync("xa-dup-3");
        var takenPrefix = await Assert.ThrowsAsync<TenantValidationException>(() => Factory.ProvisionAsync("xa-dup-4", prefix: "xa-dup-3"));
        var sameHost = await Assert.ThrowsAsync<TenantValidationException>(() => Factory.ProvisionAsync("xa-dup-5", prefix: "", hosts: "XADUP.tinh.gov.vn"));
        var unknownLevel = await Assert.ThrowsAsync<TenantValidationException>(() => manager.ProvisionAsync(new TenantRequest { Name = "xa-dup-6", DisplayName = "X", Level = "Village", Parent = "default" }));
        var unknownRecipe = await Assert.ThrowsAsync<TenantValidationException>(() => manager.ProvisionAsync(new TenantRequest { Name = "xa-dup-7", DisplayName = "X", Parent = "default", Recipe = "khong-co" }));

        Assert.Contains("already exists", sameName.Errors["name"]);
        Assert.Contains("xa-dup-3", takenPrefix.Errors["prefix"]);
        Assert.Contains("xa-dup", sameHost.Errors["hosts"]);
        Assert.Contains("level", unknownLevel.Errors.Keys);
        Assert.Contains("recipe", unknownRecipe.Errors.Keys);
    }

    [Fact]
    public async Task A_failing_setup_leaves_no_half_made_tenant()
    {
        var before = await CountTenantsAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Factory.ProvisionAsync("fail-setup"));

        Assert.Equal(before, await CountTenantsAsync());
        Assert.Null(Factory.Service<TenantCatalog>().FindByName("fail-setup"));
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var knownTenantIds = await db.Tenants.Select(t => t.Id).ToListAsync();
        Assert.False(await db.Set<PublishedPage>().IgnoreQueryFilters().AnyAsync(p => !knownTenantIds.Contains(p.TenantId)));
        Assert.False(await db.Set<Portal.Core.Contents.ContentItem>().IgnoreQueryFilters().AnyAsync(c => !knownTenantIds.Contains(c.TenantId)));
        Assert.False(await db.Set<TenantRole>().IgnoreQueryFilters().AnyAsync(r => !knownTenantIds.Contains(r.TenantId)));
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync("/fail-setup/trang/gioi-thieu")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_changed_by_another_process_is_noticed_by_the_running_server()
    {
        var tenant = await Factory.ProvisionAsync("xa-other-process");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            // What the CLI in another process does: write the row, without touching this process's cache.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var row = await db.Tenants.SingleAsync(t => t.Id == tenant.Id);
            row.State = TenantState.Disabled;
            row.UpdatedUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }

        var client = Factory.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            status = (await client.GetAsync("/xa-other-process/")).StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private async Task<int> CountTenantsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Tenants.CountAsync();
    }
}

public sealed class TenantLifecycleTestsSqlite(SqliteFixture fixture) : TenantLifecycleTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class TenantLifecycleTestsPostgres(PostgresFixture fixture) : TenantLifecycleTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
