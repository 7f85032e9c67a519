using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Search;
using Portal.Core.Tenancy;
using Portal.Pages.Services;
using Portal.Search.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Search;

/// <summary>
/// Search as citizens and editors meet it, on SQLite and on PostgreSQL: a published item is found
/// a moment after it is published and gone once taken down; a site sees only its own items unless
/// a site above asks for the sites below; what anyone types never gives a 500.
/// </summary>
public abstract class SearchTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    private async Task<PageRef> PublishPageAsync(Tenant site, string slug, string title, string body) => await Factory.AddPageAsync(site, slug, title, body);

    private async Task<T> InSiteAsync<T>(Tenant site, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task A_published_page_is_found_and_follows_its_edits_and_its_take_down()
    {
        var site = await Factory.ProvisionAsync("xa-tk-vong");
        var client = Factory.CreateClient();
        var page = await PublishPageAsync(site, "le-hoi-cau-ngu", "Lễ hội cầu ngư làng chài Hồng Vọng", "<p>Lễ hội cầu ngư của ngư dân <strong>Hồng Vọng</strong> được tổ chức vào rằm tháng Giêng.</p>");

        var found = await SearchProbe.UntilAsync(client, "/xa-tk-vong", "hong vong", a => SearchProbe.Total(a) == 1);
        Assert.Equal(["Lễ hội cầu ngư làng chài Hồng Vọng"], SearchProbe.Titles(found));
        var hit = found["results"]![0]!;
        Assert.Equal("page", hit["type"]!.GetValue<string>());
        Assert.EndsWith("/xa-tk-vong/trang/le-hoi-cau-ngu", hit["url"]!.GetValue<string>());
        Assert.Contains("<mark>Hồng</mark> <mark>Vọng</mark>", hit["titleHtml"]!.GetValue<string>());
        Assert.Contains("<mark>Hồng</mark> <mark>Vọng</mark>", hit["snippetHtml"]!.GetValue<string>());

        // An edit of the public version: the new words are found, the old ones no longer.
        await InSiteAsync(site, async sp =>
        {
            var writer = sp.GetRequiredService<PageWriter>();
            return await sp.GetRequiredService<ContentManager>().UpsertAsync(new ContentUpsert("page", page.Id, writer.Draft(new PageInput("Lễ hội nghinh Ông làng chài Hồng Vọng", page.Slug, "<p>Lễ nghinh Ông.</p>")), true, ContentActor.System));
        });
        var edited = await SearchProbe.UntilAsync(client, "/xa-tk-vong", "nghinh ong", a => SearchProbe.Total(a) == 1);
        Assert.Equal(["Lễ hội nghinh Ông làng chài Hồng Vọng"], SearchProbe.Titles(edited));
        Assert.Equal(0, SearchProbe.Total(await SearchProbe.SearchAsync(client, "/xa-tk-vong", "cầu ngư")));

        await InSiteAsync(site, sp => sp.GetRequiredService<ContentManager>().UnpublishAsync(page.Id, ContentActor.System));
        var gone = await SearchProbe.UntilAsync(client, "/xa-tk-vong", "nghinh ong", a => SearchProbe.Total(a) == 0);
        Assert.Equal(0, SearchProbe.Total(gone));

        await InSiteAsync(site, sp => sp.GetRequiredService<ContentManager>().PublishAsync(page.Id, ContentActor.System));
        Assert.Equal(1, SearchProbe.Total(await SearchProbe.UntilAsync(client, "/xa-tk-vong", "nghinh ong", a => SearchProbe.Total(a) == 1)));
        await InSiteAsync(site, sp => sp.GetRequiredService<ContentManager>().DeleteAsync(page.Id, ContentActor.System));
        Assert.Equal(0, SearchProbe.Total(await SearchProbe.UntilAsync(client, "/xa-tk-vong", "nghinh ong", a => SearchProbe.Total(a) == 0)));
    }

    [Fact]
    public async Task The_queue_entry_is_part_of_the_content_change_and_rolls_back_with_it()
    {
        var site = await Factory.ProvisionAsync("xa-tk-hoan");
        var before = await QueueCountAsync(site);
        var id = Guid.NewGuid().ToString("N");

        await InSiteAsync(site, async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var writer = sp.GetRequiredService<PageWriter>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await sp.GetRequiredService<ContentManager>().UpsertAsync(new ContentUpsert("page", id, writer.Draft(new PageInput("Trang bị hủy", "trang-bi-huy", "<p>Không lưu.</p>")), true, ContentActor.System));
            Assert.Equal(before + 1, await QueueCountAsync(site, db));
            await transaction.RollbackAsync();
            return 0;
        });

        Assert.Equal(before, await QueueCountAsync(site));
        await Factory.AddPageAsync(site, "trang-duoc-luu", "Trang được lưu", "<p>Có lưu.</p>");
        Assert.Equal(before + 1, await QueueCountAsync(site));
    }

    private async Task<int> QueueCountAsync(Tenant site, PortalDbContext? db = null)
    {
        if (db is not null)
        {
            return await db.Set<SearchQueueEntry>().CountAsync(e => e.TenantId == site.Id);
        }

        return await InSiteAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<SearchQueueEntry>().CountAsync(e => e.TenantId == site.Id));
    }

    [Fact]
    public async Task A_site_sees_only_its_own_items_and_a_site_above_searches_those_below_when_asked()
    {
        var district = await Factory.ProvisionAsync("huyen-tk-son", level: "District");
        var communeA = await Factory.ProvisionAsync("xa-tk-son-a", parent: "huyen-tk-son");
        var communeB = await Factory.ProvisionAsync("xa-tk-son-b", parent: "huyen-tk-son");
        var elsewhere = await Factory.ProvisionAsync("xa-tk-khac");
        var client = Factory.CreateClient();
        await PublishPageAsync(district, "ke-hoach-tk", "Kế hoạch trồng quế của huyện", "<p>Quế Sơn Tây.</p>");
        await PublishPageAsync(communeA, "ke-hoach-tk", "Kế hoạch trồng quế xã A", "<p>Quế Sơn Tây.</p>");
        await PublishPageAsync(communeB, "ke-hoach-tk", "Kế hoạch trồng quế xã B", "<p>Quế Sơn Tây.</p>");
        await PublishPageAsync(elsewhere, "ke-hoach-tk", "Kế hoạch trồng quế xã khác", "<p>Quế Sơn Tây.</p>");

        var all = await SearchProbe.UntilAsync(client, "/huyen-tk-son", "que son tay", a => SearchProbe.Total(a) == 3, "&scope=all");
        var own = await SearchProbe.SearchAsync(client, "/huyen-tk-son", "que son tay");
        var commune = await SearchProbe.UntilAsync(client, "/xa-tk-son-a", "que son tay", a => SearchProbe.Total(a) == 1);
        var communeAll = await SearchProbe.SearchAsync(client, "/xa-tk-son-a", "que son tay", "&scope=all");
        var other = await SearchProbe.UntilAsync(client, "/xa-tk-khac", "que son tay", a => SearchProbe.Total(a) == 1);

        Assert.Equal(["huyen-tk-son", "xa-tk-son-a", "xa-tk-son-b"], SearchProbe.Sites(all).Order());
        Assert.Equal(["huyen-tk-son"], SearchProbe.Sites(own));
        Assert.Equal(["xa-tk-son-a"], SearchProbe.Sites(commune));
        Assert.Equal(["xa-tk-son-a"], SearchProbe.Sites(communeAll)); // a commune has nothing below it
        Assert.Equal(["xa-tk-khac"], SearchProbe.Sites(other));
        Assert.Contains(all["results"]!.AsArray(), r => r!["url"]!.GetValue<string>().EndsWith("/xa-tk-son-b/trang/ke-hoach-tk", StringComparison.Ordinal));

        // The page labels each result of another site with that site's name.
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/huyen-tk-son/tim-kiem?q=que+son+tay&scope=all"));
        Assert.Contains("Tìm thấy 3 kết quả trên cổng này và các đơn vị trực thuộc", html);
        Assert.Contains("<span class=\"result-site\">Xã xa-tk-son-b</span>", html);
        Assert.Contains("href=\"/xa-tk-son-b/trang/ke-hoach-tk\"", html.Replace("http://localhost", "", StringComparison.Ordinal));

        // A disabled site below drops out of the province-wide results.
        await Factory.Service<TenantManager>().DisableAsync("xa-tk-son-b");
        var withoutB = await SearchProbe.SearchAsync(client, "/huyen-tk-son", "que son tay", "&scope=all");
        Assert.Equal(["huyen-tk-son", "xa-tk-son-a"], SearchProbe.Sites(withoutB).Order());
        await Factory.Service<TenantManager>().EnableAsync("xa-tk-son-b");
    }

    [Fact]
    public async Task The_page_filters_by_type_and_date_pages_and_offers_a_correction()
    {
        var site = await Factory.ProvisionAsync("xa-tk-loc");
        var client = Factory.CreateClient();
        for (var i = 1; i <= 12; i++)
        {
            await PublishPageAsync(site, $"san-pham-ocop-{i}", $"Sản phẩm OCOP số {i}: chè Shan tuyết", "<p>Chè Shan tuyết cổ thụ của xã.</p>");
        }

        await SearchProbe.UntilAsync(client, "/xa-tk-loc", "che shan tuyet", a => SearchProbe.Total(a) == 12);
        var first = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-tk-loc/tim-kiem?q=ch%C3%A8+shan+tuy%E1%BA%BFt"));
        var second = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-tk-loc/tim-kiem?q=ch%C3%A8+shan+tuy%E1%BA%BFt&page=2"));
        var news = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-tk-loc/tim-kiem?q=che+shan&type=news"));
        var future = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-tk-loc/tim-kiem?q=che+shan&from=01/01/2090"));
        var badDate = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-tk-loc/tim-kiem?q=che+shan&from=32/13/2026&to=abc"));
        var typo = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-tk-loc/tim-kiem?q=ch%C3%A8+shan+tuy%E1%BA%BFtt"));

        Assert.Contains("Tìm thấy 12 kết quả; đang xem 1–10.", first);
        Assert.Equal(10, Count(first, "class=\"search-result\""));
        Assert.Contains("<mark>chè</mark> <mark>Shan</mark> <mark>tuyết</mark>", first);
        Assert.Contains("Tìm thấy 12 kết quả; đang xem 11–12.", second);
        Assert.Contains("Không tìm thấy kết quả nào", news);
        Assert.Contains("Không tìm thấy kết quả nào", future);
        Assert.Contains("Ngày không hợp lệ", badDate);
        Assert.Contains("Tìm thấy 12 kết quả", badDate); // the search still runs, without the date it could not read
        Assert.Contains("Có phải bạn muốn tìm:", typo);
        Assert.Contains(">chè shan tuyết</a>", typo);
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("~")]
    [InlineData(":")]
    [InlineData("AND")]
    [InlineData("OR NOT")]
    [InlineData("(")]
    [InlineData("\"unbalanced quote")]
    [InlineData("title_exact:ủy* AND (body:x OR ~y")]
    [InlineData("/\\//")]
    [InlineData("   ")]
    public async Task Whatever_is_typed_gives_results_or_a_plain_notice_never_an_error(string query)
    {
        var client = Factory.CreateClient();
        var page = await client.GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(query));
        var api = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        var body = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Lucene", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.True(api.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{api.StatusCode}");
        if (api.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Long_empty_and_malformed_requests_get_clear_answers()
    {
        var client = Factory.CreateClient();
        var longQuery = string.Concat(Enumerable.Repeat("thủ tục hành chính ", 600));
        var longPage = await client.GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(longQuery));
        var longApi = await SearchProbe.SearchAsync(client, "", longQuery);
        var empty = await client.GetAsync("/api/search?q=");
        var tooBig = await client.GetAsync("/api/search?q=x&pageSize=500");
        var badDate = await client.GetAsync("/api/search?q=x&from=2026-02-30");
        var badPage = await SearchProbe.SearchAsync(client, "", "x", "&page=abc");
        var deepPage = await SearchProbe.SearchAsync(client, "", "x", "&page=999999999");
        var bare = await client.GetAsync("/tim-kiem");

        Assert.Equal(HttpStatusCode.OK, longPage.StatusCode);
        Assert.Contains("Từ khóa quá dài", WebUtility.HtmlDecode(await longPage.Content.ReadAsStringAsync()));
        Assert.True(longApi["truncated"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("pageSize", await tooBig.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("from", await badDate.Content.ReadAsStringAsync());
        Assert.Equal(1, badPage["page"]!.GetValue<int>());
        Assert.Equal(100, deepPage["page"]!.GetValue<int>()); // at most 1,000 results are reachable
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
    }

    [Fact]
    public async Task A_token_needs_scope_search_and_anonymous_callers_are_welcome()
    {
        await Modules.Api.ApiHost.AddClientAsync(Factory, "default", "tk-search", "tk-search-secret-0001", "search");
        await Modules.Api.ApiHost.AddClientAsync(Factory, "default", "tk-read", "tk-read-secret-00001", "content.read");
        var client = Factory.CreateClient();
        var searchToken = await Modules.Api.ApiHost.TokenAsync(client, "", "tk-search", "tk-search-secret-0001", "search");
        var readToken = await Modules.Api.ApiHost.TokenAsync(client, "", "tk-read", "tk-read-secret-00001", "content.read");

        var withScope = await Modules.Api.ApiHost.GetWithTokenAsync(client, "/api/search?q=gioi+thieu", searchToken);
        var withoutScope = await Modules.Api.ApiHost.GetWithTokenAsync(client, "/api/search?q=gioi+thieu", readToken);
        var forged = await Modules.Api.ApiHost.GetWithTokenAsync(client, "/api/search?q=gioi+thieu", "not-a-token");
        var anonymous = await client.GetAsync("/api/search?q=gioi+thieu");

        Assert.Equal(HttpStatusCode.OK, withScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutScope.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_second_node_with_its_own_index_builds_it_and_follows_the_first_nodes_changes()
    {
        var site = await Factory.ProvisionAsync("xa-tk-nut");
        var indexPath = Path.Combine(Factory.Database.DataPath, "node-b-index");
        await using var nodeB = new PortalFactory(Factory.Database, services => services.Configure<SearchIndexOptions>(o => o.IndexPath = indexPath));
        var clientB = nodeB.CreateClient();
        var clientA = Factory.CreateClient();
        await PublishPageAsync(site, "ca-phe-tk", "Cà phê Robusta của xã", "<p>Cà phê.</p>");

        // Node B started on an empty folder: it builds its index and then reads the queue like node A.
        var onB = await SearchProbe.UntilAsync(clientB, "/xa-tk-nut", "ca phe robusta", a => SearchProbe.Total(a) == 1);
        var onA = await SearchProbe.UntilAsync(clientA, "/xa-tk-nut", "ca phe robusta", a => SearchProbe.Total(a) == 1);
        Assert.Equal(1, SearchProbe.Total(onB));
        Assert.Equal(1, SearchProbe.Total(onA));
        Assert.True(File.Exists(Path.Combine(indexPath, "segments.gen")) || Directory.EnumerateFiles(indexPath, "segments_*").Any());

        var page = await PublishPageAsync(site, "ho-tieu-tk", "Hồ tiêu sạch của xã", "<p>Hồ tiêu.</p>");
        Assert.Equal(1, SearchProbe.Total(await SearchProbe.UntilAsync(clientB, "/xa-tk-nut", "ho tieu", a => SearchProbe.Total(a) == 1)));
        await InSiteAsync(site, sp => sp.GetRequiredService<ContentManager>().UnpublishAsync(page.Id, ContentActor.System));
        Assert.Equal(0, SearchProbe.Total(await SearchProbe.UntilAsync(clientB, "/xa-tk-nut", "ho tieu", a => SearchProbe.Total(a) == 0)));
    }

    [Fact]
    public async Task A_removed_site_leaves_no_documents_behind()
    {
        var site = await Factory.ProvisionAsync("xa-tk-bo");
        var client = Factory.CreateClient();
        await PublishPageAsync(site, "di-tich-tk", "Di tích đình làng Bồ Đề", "<p>Đình làng.</p>");
        await SearchProbe.UntilAsync(client, "", "dinh lang bo de", a => SearchProbe.Total(a) == 1, "&scope=all");

        await Factory.Service<TenantManager>().DisableAsync("xa-tk-bo");
        await Factory.Service<TenantManager>().RemoveAsync("xa-tk-bo");
        var index = Factory.Service<SearchIndex>();
        var deadline = DateTime.UtcNow + SearchProbe.Patience;
        while (DateTime.UtcNow < deadline && Documents(index, site.Id) > 0)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, Documents(index, site.Id));
    }

    private static int Documents(SearchIndex index, int siteId) =>
        index.Search(s => (object)s.Search(new Lucene.Net.Search.TermQuery(SearchDocuments.SiteTerm(siteId)), 1).TotalHits) is int n ? n : -1;
}

public sealed class SearchTestsSqlite(SqliteFixture fixture) : SearchTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class SearchTestsPostgres(PostgresFixture fixture) : SearchTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
