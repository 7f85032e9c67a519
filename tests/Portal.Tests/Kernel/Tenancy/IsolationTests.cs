using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Pages.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Tenancy;

/// <summary>
/// Two communes side by side: no public or admin route of one reads or writes the other's rows,
/// including by guessing ids. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class IsolationTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    private async Task<(Tenant A, Tenant B, PageRef PageOfA)> TwoCommunesAsync(string suffix)
    {
        var a = await Factory.ProvisionAsync($"xa-a-{suffix}");
        var b = await Factory.ProvisionAsync($"xa-b-{suffix}");
        var pageOfA = await Factory.AddPageAsync(a, "rieng-cua-a", "Trang riêng của xã A");
        return (a, b, pageOfA);
    }

    [Fact]
    public async Task Public_page_of_one_commune_is_not_served_under_another()
    {
        var (a, b, _) = await TwoCommunesAsync("pub");
        var client = Factory.CreateClient();

        var own = await client.GetAsync($"/{a.Prefix}/trang/rieng-cua-a");
        var other = await client.GetAsync($"/{b.Prefix}/trang/rieng-cua-a");
        var home = await client.GetStringAsync($"/{b.Prefix}/");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Trang riêng của xã A", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("Trang riêng của xã A", home);
    }

    [Fact]
    public async Task Articles_with_the_same_address_in_two_communes_each_show_their_own_site()
    {
        var (a, b, _) = await TwoCommunesAsync("tin");
        var admin = await AdminClient.SignedInAsync(Factory);
        foreach (var (site, summary) in new[] { (a, "Tin riêng của xã A"), (b, "Tin riêng của xã B") })
        {
            var created = await admin.PostFormAsync($"/{site.Prefix}/admin/news/create", $"/{site.Prefix}/admin/news/create", new()
            {
                ["Title"] = "Lịch tiếp công dân tháng 12",
                ["Category"] = "thong-bao",
                ["Summary"] = summary,
            });
            var edit = created.Headers.Location!.ToString();
            await admin.PostFormAsync(edit, $"{edit}/force-publish", new() { ["reason"] = "Kiểm thử tách biệt" });
        }

        var client = Factory.CreateClient();
        var ofA = await client.GetStringAsync($"/{a.Prefix}/tin-tuc/thong-bao/lich-tiep-cong-dan-thang-12");
        var ofB = await client.GetStringAsync($"/{b.Prefix}/tin-tuc/thong-bao/lich-tiep-cong-dan-thang-12");

        Assert.Contains("Tin riêng của xã A", ofA);
        Assert.DoesNotContain("Tin riêng của xã B", ofA);
        Assert.Contains("Tin riêng của xã B", ofB);
        Assert.DoesNotContain("Tin riêng của xã A", ofB);
    }

    [Fact]
    public async Task Admin_of_one_commune_cannot_read_edit_or_delete_the_others_page_by_guessing_its_id()
    {
        var (a, b, pageOfA) = await TwoCommunesAsync("adm");
        await Factory.CreateSiteAdministratorAsync(b, "admin-b-adm", "Passw0rd-B!");
        var adminB = await AdminClient.SignedInAsync(Factory, "admin-b-adm", "Passw0rd-B!", "/" + b.Prefix);
        var formOfB = $"/{b.Prefix}/admin/pages/create";

        var list = await adminB.Http.GetStringAsync($"/{b.Prefix}/admin/contents?type=page");
        var read = await adminB.Http.GetAsync($"/{b.Prefix}/admin/pages/{pageOfA.Id}/edit");
        var edit = await adminB.PostFormAsync(formOfB, $"/{b.Prefix}/admin/pages/{pageOfA.Id}/edit", new()
        {
            ["Title"] = "Đã bị sửa",
            ["Slug"] = "rieng-cua-a",
            ["Body"] = "x",
            ["Published"] = "true",
        });
        var delete = await adminB.PostFormAsync(formOfB, $"/{b.Prefix}/admin/pages/{pageOfA.Id}/delete", []);
        var othersAdmin = await adminB.Http.GetAsync($"/{a.Prefix}/admin/contents?type=page");

        Assert.DoesNotContain("Trang riêng của xã A", list);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, othersAdmin.StatusCode);
        Assert.Contains("/admin/denied", othersAdmin.Headers.Location!.ToString());
        var stored = await Factory.FindPageAsync(a, pageOfA.Id);
        Assert.NotNull(stored);
        Assert.Equal("Trang riêng của xã A", stored.Title);
    }

    [Fact]
    public async Task Creating_a_page_in_one_commune_writes_only_to_that_commune()
    {
        var (a, b, _) = await TwoCommunesAsync("new");
        var admin = await AdminClient.SignedInAsync(Factory);
        var form = $"/{b.Prefix}/admin/pages/create";

        var created = await admin.PostFormAsync(form, form, new()
        {
            ["Title"] = "Thông báo của xã B",
            ["Slug"] = "rieng-cua-a",
            ["Body"] = "<p>B</p>",
            ["Published"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var client = Factory.CreateClient();
        Assert.Contains("Thông báo của xã B", await client.GetStringAsync($"/{b.Prefix}/trang/rieng-cua-a"));
        Assert.Contains("Trang riêng của xã A", await client.GetStringAsync($"/{a.Prefix}/trang/rieng-cua-a"));
    }

    [Fact]
    public async Task The_context_refuses_to_save_a_row_of_another_tenant()
    {
        var (a, b, pageOfA) = await TwoCommunesAsync("ctx");
        int rowOfA;
        await using (var ofA = Factory.Service<TenantScopeFactory>().CreateScope(a))
        {
            rowOfA = await ofA.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PublishedPage>().Where(p => p.ContentItemId == pageOfA.Id).Select(p => p.Id).SingleAsync();
        }

        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(b);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.Null(await db.Set<PublishedPage>().FirstOrDefaultAsync(p => p.Id == rowOfA));

        db.Add(new PublishedPage { TenantId = a.Id, ContentItemId = "chen-vao", Slug = "chen-vao", Title = "Chèn", Body = "", UpdatedUtc = DateTime.UtcNow });
        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        // Even a row attached by hand (never read through the filter) cannot be updated or deleted.
        var forged = new PublishedPage { Id = rowOfA, TenantId = a.Id, ContentItemId = pageOfA.Id, Slug = pageOfA.Slug, Title = "Giả mạo", Body = "" };
        db.Update(forged);
        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Remove(forged);
        await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());

        // A forged row that claims the current tenant's id: the concurrency token keeps the
        // UPDATE and DELETE from matching A's row.
        db.ChangeTracker.Clear();
        db.Update(new PublishedPage { Id = rowOfA, TenantId = b.Id, ContentItemId = pageOfA.Id, Slug = pageOfA.Slug, Title = "Chiếm đoạt", Body = "" });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.Remove(new PublishedPage { Id = rowOfA, TenantId = b.Id });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.Equal("Trang riêng của xã A", (await Factory.FindPageAsync(a, pageOfA.Id))!.Title);
        Assert.Contains("Trang riêng của xã A", await Factory.CreateClient().GetStringAsync($"/{a.Prefix}/trang/rieng-cua-a"));
    }

    [Theory]
    [InlineData("/admin/contents?type=page&page=2147483647")]
    [InlineData("/admin/users?page=200000000")]
    [InlineData("/admin/tenants?page=2147483647")]
    public async Task Impossible_page_numbers_give_an_empty_page_not_an_error(string url)
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("/admin/contents?type=page&q=a%00b")]
    [InlineData("/admin/users?q=a%00b")]
    public async Task Control_characters_in_input_get_400_not_a_database_error(string url)
    {
        var admin = await AdminClient.SignedInAsync(Factory);
        var anonymous = AdminClient.Create(Factory);

        var search = await admin.Http.GetAsync(url);
        var login = await anonymous.SignInAsync("ad\0min", "x");

        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
    }

    [Fact]
    public async Task Dates_come_back_as_utc_on_every_provider()
    {
        var (a, _, pageOfA) = await TwoCommunesAsync("utc");

        var stored = await Factory.FindPageAsync(a, pageOfA.Id);

        Assert.Equal(DateTimeKind.Utc, stored!.ModifiedUtc.Kind);
        Assert.Equal(DateTimeKind.Utc, Factory.Service<TenantCatalog>().FindByName(a.Name)!.CreatedUtc.Kind == DateTimeKind.Utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
    }

    [Fact]
    public async Task Province_administrator_administers_descendants_but_a_commune_administrator_not_the_province()
    {
        var (a, _, _) = await TwoCommunesAsync("tree");
        await Factory.CreateSiteAdministratorAsync(a, "admin-a-tree", "Passw0rd-A!");
        var province = await AdminClient.SignedInAsync(Factory);
        var commune = await AdminClient.SignedInAsync(Factory, "admin-a-tree", "Passw0rd-A!", "/" + a.Prefix);

        Assert.Equal(HttpStatusCode.OK, (await province.Http.GetAsync($"/{a.Prefix}/admin/contents?type=page")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await commune.Http.GetAsync($"/{a.Prefix}/admin/contents?type=page")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await commune.Http.GetAsync("/admin/pages")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await commune.Http.GetAsync("/admin/users")).StatusCode);
    }
}

public sealed class IsolationTestsSqlite(SqliteFixture fixture) : IsolationTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class IsolationTestsPostgres(PostgresFixture fixture) : IsolationTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
