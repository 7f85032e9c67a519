using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.News.Models;
using Portal.News.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.News;

/// <summary>
/// News up the hierarchy: the province (and a district over its communes) shows the latest news of
/// the sites below through one cross-tenant read, evicted when a site below publishes; a
/// component site's editor offers an article to the site above, where it waits in the desk as a
/// submitted copy that names its source and points its canonical link at the original. On both providers.
/// </summary>
public abstract class NewsHierarchyTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    private Tenant Province => Factory.Service<TenantCatalog>().Default!;

    /// <summary>Writes and publishes (or takes down) an article the way an import does, through the kernel in the site's scope.</summary>
    private async Task PublishAsync(Tenant site, string id, string title, bool published = true)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        var fields = ContentFields.Write(new NewsArticleFields { Summary = "Tóm tắt " + title, Body = "<p>Nội dung</p>", Category = "thong-bao" });
        var draft = new ContentDraft(title, Slugs.FromTitle(title), fields) { Category = "thong-bao" };
        await scope.ServiceProvider.GetRequiredService<ContentManager>().UpsertAsync(new ContentUpsert("news", id, draft, published, ContentActor.System));
    }

    private async Task<T> InSiteAsync<T>(Tenant site, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task The_block_and_the_page_list_the_news_of_the_sites_below_labelled_and_linked_never_a_siblings_or_parents()
    {
        var district = await Factory.ProvisionAsync("huyen-dv", "District");
        var commune = await Factory.ProvisionAsync("xa-dv-a", "Commune", "huyen-dv");
        var sibling = await Factory.ProvisionAsync("xa-dv-b");
        await PublishAsync(Province, "tinh-dv-1", "Tin riêng của tỉnh về đơn vị");
        await PublishAsync(district, "huyen-dv-1", "Tin riêng của huyện DV");
        await PublishAsync(commune, "xa-dv-a-1", "Tin của xã DV A");
        await PublishAsync(sibling, "xa-dv-b-1", "Tin của xã DV B");
        var client = Factory.CreateClient();

        var provincePage = await client.GetStringAsync("/tin-cac-don-vi");
        var provinceHome = await client.GetStringAsync("/");
        var districtPage = await client.GetStringAsync("/huyen-dv/tin-cac-don-vi");
        var districtHome = await client.GetStringAsync("/huyen-dv/");
        var filtered = await client.GetStringAsync("/tin-cac-don-vi?don-vi=xa-dv-a");
        var siblingThroughDistrict = await client.GetAsync("/huyen-dv/tin-cac-don-vi?don-vi=xa-dv-b");
        var parentThroughDistrict = await client.GetAsync("/huyen-dv/tin-cac-don-vi?don-vi=default");
        var communePage = await client.GetAsync("/xa-dv-a/tin-cac-don-vi");
        var communeHome = await client.GetStringAsync("/xa-dv-a/");

        Assert.Contains("Tin của xã DV A", provincePage);
        Assert.Contains("Tin của xã DV B", provincePage);
        Assert.Contains("Tin riêng của huyện DV", provincePage);
        Assert.DoesNotContain("Tin riêng của tỉnh về đơn vị", provincePage);
        Assert.Contains(">Xã xa-dv-a</p>", provincePage);
        Assert.Contains("/xa-dv-a/tin-tuc/thong-bao/tin-cua-xa-dv-a\"", provincePage);
        Assert.Contains("aria-label=\"Phân trang\"", provincePage);
        Assert.Contains("Tin từ các đơn vị", provinceHome);
        Assert.Contains("Tin của xã DV A", provinceHome);
        Assert.Contains("/xa-dv-b/tin-tuc/thong-bao/tin-cua-xa-dv-b\"", provinceHome);

        Assert.Contains("Tin của xã DV A", districtPage);
        Assert.DoesNotContain("Tin của xã DV B", districtPage);
        Assert.DoesNotContain("Tin riêng của tỉnh về đơn vị", districtPage);
        Assert.DoesNotContain("Tin riêng của huyện DV", districtPage);
        Assert.Contains("Tin của xã DV A", districtHome);
        Assert.DoesNotContain("Tin của xã DV B", districtHome);

        Assert.Contains("Tin của xã DV A", filtered);
        Assert.DoesNotContain("Tin của xã DV B", filtered);
        Assert.Equal(HttpStatusCode.NotFound, siblingThroughDistrict.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, parentThroughDistrict.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, communePage.StatusCode);
        Assert.DoesNotContain("Tin từ các đơn vị", communeHome);
    }

    [Fact]
    public async Task A_communes_publish_reaches_the_cached_province_page_and_its_unpublish_removes_it()
    {
        var commune = await Factory.ProvisionAsync("xa-dv-moi");
        var client = Factory.CreateClient();
        await client.GetStringAsync("/tin-cac-don-vi");
        await client.GetStringAsync("/");
        var warm = await client.GetStringAsync("/tin-cac-don-vi");

        // A row written behind the kernel's back raises no event: the cached page does not show it, which proves it is cached.
        await InSiteAsync(commune, async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            db.Add(new PublishedArticle { ContentItemId = "chen-thang", Slug = "tin-chen-thang", Title = "Tin chèn thẳng vào bảng", Category = "thong-bao", PublishedUtc = DateTime.UtcNow.AddMinutes(-1) });
            return await db.SaveChangesAsync();
        });
        var stillCached = await client.GetStringAsync("/tin-cac-don-vi");

        await PublishAsync(commune, "xa-dv-moi-1", "Khai trương chợ xã DV mới");
        var afterPublish = await client.GetStringAsync("/tin-cac-don-vi");
        var homeAfterPublish = await client.GetStringAsync("/");
        await PublishAsync(commune, "xa-dv-moi-1", "Khai trương chợ xã DV mới", published: false);
        var afterUnpublish = await client.GetStringAsync("/tin-cac-don-vi");
        var homeAfterUnpublish = await client.GetStringAsync("/");

        Assert.DoesNotContain("Khai trương chợ xã DV mới", warm);
        Assert.DoesNotContain("Tin chèn thẳng vào bảng", stillCached);
        Assert.Contains("Tin chèn thẳng vào bảng", afterPublish);
        Assert.Contains("Khai trương chợ xã DV mới", afterPublish);
        Assert.Contains("Khai trương chợ xã DV mới", homeAfterPublish);
        Assert.DoesNotContain("Khai trương chợ xã DV mới", afterUnpublish);
        Assert.DoesNotContain("Khai trương chợ xã DV mới", homeAfterUnpublish);
    }

    private async Task<(Tenant Site, AdminClient Reporter, AdminClient Editor, AdminClient Head)> BoardAsync(string prefix)
    {
        var site = await Factory.ProvisionAsync(prefix);
        await Factory.CreateSiteAdministratorAsync(site, $"qt-{prefix}", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, $"qt-{prefix}", "Passw0rd-Q!", "/" + prefix);
        foreach (var (user, role) in new[] { ($"pv-{prefix}", "Reporter"), ($"btv-{prefix}", "Editor"), ($"tb-{prefix}", "Approver") })
        {
            await admin.PostFormAsync($"/{prefix}/admin/users/add", $"/{prefix}/admin/users/add", new() { ["UserName"] = user, ["Password"] = "Passw0rd-B!", ["Role"] = role });
        }

        return (site,
                await AdminClient.SignedInAsync(Factory, $"pv-{prefix}", "Passw0rd-B!", "/" + prefix),
                await AdminClient.SignedInAsync(Factory, $"btv-{prefix}", "Passw0rd-B!", "/" + prefix),
                await AdminClient.SignedInAsync(Factory, $"tb-{prefix}", "Passw0rd-B!", "/" + prefix));
    }

    [Fact]
    public async Task An_offered_article_waits_once_in_the_province_desk_and_its_published_copy_names_its_source()
    {
        var (commune, _, editor, head) = await BoardAsync("xa-gui");
        var created = await head.PostFormAsync("/xa-gui/admin/news/create", "/xa-gui/admin/news/create", new() { ["Title"] = "Xã Gửi đón bằng nông thôn mới", ["Category"] = "thong-bao", ["Body"] = "<p>Lễ đón bằng.</p>" });
        var edit = created.Headers.Location!.ToString();
        var id = edit.Split('/')[^1];
        var unpublishedOffer = await editor.PostFormAsync(edit, $"{edit}/offer-up", []);
        var unpublishedMessage = await editor.Http.GetStringAsync(edit);
        await head.PostFormAsync(edit, $"{edit}/force-publish", new() { ["reason"] = "Tin vui của xã" });
        var editorForm = await editor.Http.GetStringAsync(edit);

        var first = await editor.PostFormAsync(edit, $"{edit}/offer-up", []);
        var firstMessage = await editor.Http.GetStringAsync(edit);
        await editor.PostFormAsync(edit, $"{edit}/offer-up", []);
        var secondMessage = await editor.Http.GetStringAsync(edit);
        var withoutToken = await editor.Http.PostAsync($"{edit}/offer-up", new FormUrlEncodedContent([]));

        var copyId = NewsOffers.CopyId(commune, id);
        var copies = await InSiteAsync(Province, sp => sp.GetRequiredService<PortalDbContext>().Set<ContentItem>().Where(c => c.ContentItemId == copyId).ToListAsync());
        var provinceAdmin = await AdminClient.SignedInAsync(Factory);
        var desk = await provinceAdmin.Http.GetStringAsync("/admin/contents?type=news&state=Submitted");
        var copyForm = await provinceAdmin.Http.GetStringAsync($"/admin/news/{copyId}");
        await provinceAdmin.PostFormAsync($"/admin/news/{copyId}", $"/admin/news/{copyId}/approve", []);
        await provinceAdmin.PostFormAsync($"/admin/news/{copyId}", $"/admin/news/{copyId}/publish", []);
        var copy = copies.Single();
        var published = await Factory.CreateClient().GetStringAsync($"/tin-tuc/{copy.Category}/{copy.Slug}");
        var provinceHistory = await provinceAdmin.Http.GetStringAsync($"/admin/contents/{copyId}/history");
        var communeHistory = await head.Http.GetStringAsync($"/xa-gui/admin/contents/{id}/history");

        Assert.Equal(HttpStatusCode.Redirect, unpublishedOffer.StatusCode);
        Assert.Contains("Chỉ gửi được tin bài đã xuất bản.", unpublishedMessage);
        Assert.Contains("Gửi tin lên", editorForm);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Đã gửi tin bài lên", firstMessage);
        Assert.Contains("đã được gửi lên", secondMessage);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(ContentState.Submitted, copy.State);
        Assert.Equal("Xã Gửi đón bằng nông thôn mới", copy.Title);
        Assert.Contains("Xã Gửi đón bằng nông thôn mới", desk);
        Assert.Contains("Tin do <strong>Xã xa-gui</strong> gửi lên", copyForm);
        Assert.Contains("Nguồn: <a href=\"", published);
        Assert.Contains(">Xã xa-gui</a>", published);
        Assert.Matches("<link rel=\"canonical\" href=\"[^\"]*/xa-gui/tin-tuc/thong-bao/xa-gui-don-bang-nong-thon-moi\"", published);
        Assert.Contains("gửi từ Xã xa-gui", provinceHistory);
        Assert.Contains("Offered", communeHistory);
        Assert.Contains("gửi lên", communeHistory);
    }

    [Fact]
    public async Task A_reporter_cannot_offer_and_sees_no_button()
    {
        var (_, reporter, _, head) = await BoardAsync("xa-gui-pv");
        var created = await reporter.PostFormAsync("/xa-gui-pv/admin/news/create", "/xa-gui-pv/admin/news/create", new() { ["Title"] = "Bài của phóng viên gửi", ["Category"] = "thong-bao" });
        var edit = created.Headers.Location!.ToString();
        await head.PostFormAsync(edit, $"{edit}/force-publish", new() { ["reason"] = "Kiểm thử" });

        var form = await reporter.Http.GetStringAsync(edit);
        var offer = await reporter.PostFormAsync(edit, $"{edit}/offer-up", []);
        var copies = await InSiteAsync(Province, sp => sp.GetRequiredService<PortalDbContext>().Set<ContentItem>().CountAsync(c => c.Title == "Bài của phóng viên gửi"));

        Assert.DoesNotContain("Gửi tin lên", form);
        Assert.Contains("/admin/denied", offer.Headers.Location!.ToString());
        Assert.Equal(0, copies);
    }

    [Fact]
    public async Task The_offer_writes_the_parents_rows_only_through_the_parents_own_scope()
    {
        var commune = await Factory.ProvisionAsync("xa-gui-rieng");
        await PublishAsync(commune, "xa-gui-rieng-1", "Tin xã gửi riêng");
        int Count(PortalDbContext db) => db.Set<ContentItem>().Count();
        var provinceBefore = await InSiteAsync(Province, sp => Task.FromResult(Count(sp.GetRequiredService<PortalDbContext>())));
        var communeBefore = await InSiteAsync(commune, sp => Task.FromResult(Count(sp.GetRequiredService<PortalDbContext>())));

        // What the offer does, as the commune's administrator, outside HTTP.
        await Factory.CreateSiteAdministratorAsync(commune, "qt-xa-gui-rieng", "Passw0rd-Q!");
        var outcome = await InSiteAsync(commune, async sp =>
        {
            var contents = sp.GetRequiredService<ContentManager>();
            var user = await Principal(sp, "qt-xa-gui-rieng");
            var item = (await contents.LatestAsync("news", "xa-gui-rieng-1"))!;
            return (await sp.GetRequiredService<NewsOffers>().OfferAsync(item, "https://xa-gui-rieng.example.gov.vn", user, ContentActor.System, CancellationToken.None)).Outcome;
        });

        // Writing the parent's rows from the commune's own unit of work is refused.
        var refused = await Assert.ThrowsAsync<TenantIsolationException>(() => InSiteAsync(commune, async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            db.Add(new ContentItem { TenantId = Province.Id, ContentItemId = "ngoai-pham-vi", ContentType = "news", Title = "x", Slug = "x", Latest = true });
            return await db.SaveChangesAsync();
        }));
        var provinceAfter = await InSiteAsync(Province, sp => Task.FromResult(Count(sp.GetRequiredService<PortalDbContext>())));
        var communeAfter = await InSiteAsync(commune, sp => Task.FromResult(Count(sp.GetRequiredService<PortalDbContext>())));
        var provinceAudit = await InSiteAsync(Province, sp => sp.GetRequiredService<PortalDbContext>().Set<ContentAuditEntry>()
            .Where(a => a.ContentItemId == NewsOffers.CopyId(commune, "xa-gui-rieng-1")).Select(a => a.Action).ToListAsync());

        Assert.Equal(OfferOutcome.Sent, outcome);
        Assert.NotNull(refused);
        Assert.Equal(provinceBefore + 1, provinceAfter);
        Assert.Equal(communeBefore, communeAfter);
        Assert.Equal(new[] { "Created", "Submitted" }, provinceAudit.Order());
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> Principal(IServiceProvider services, string userName)
    {
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Users.Models.PortalUser>>();
        var factory = services.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Portal.Users.Models.PortalUser>>();
        return await factory.CreateAsync((await users.FindByNameAsync(userName))!);
    }
}

public sealed class NewsHierarchyTestsSqlite(SqliteFixture fixture) : NewsHierarchyTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class NewsHierarchyTestsPostgres(PostgresFixture fixture) : NewsHierarchyTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
