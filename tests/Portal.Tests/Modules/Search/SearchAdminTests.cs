using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Search.Models;
using Portal.Search.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Search;

/// <summary>A host whose clock a test can move (the misses' 30-day window).</summary>
public abstract class SearchAdminFixture(DatabaseProvider provider) : PortalFixture(provider)
{
    public ShiftableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }
}

public sealed class SearchAdminSqliteFixture() : SearchAdminFixture(DatabaseProvider.Sqlite);

public sealed class SearchAdminPostgresFixture() : SearchAdminFixture(DatabaseProvider.Postgres);

/// <summary>
/// <c>/admin/search</c> on SQLite and PostgreSQL: who may use it, the forms' rules, and what a
/// change does to GET /api/search at once (synonyms, best bets), and the misses after the flush.
/// </summary>
public abstract partial class SearchAdminTests<TFixture>(TFixture fixture)
    where TFixture : SearchAdminFixture
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Only_holders_of_ManageSearch_reach_the_admin_pages()
    {
        const string p = "xa-tk-quyen";
        var site = await Factory.ProvisionAsync(p);
        await Factory.CreateSiteAdministratorAsync(site, $"qt-{p}", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, $"qt-{p}", "Passw0rd-Q!", "/" + p);
        await admin.PostFormAsync($"/{p}/admin/users/add", $"/{p}/admin/users/add", new() { ["UserName"] = $"pv-{p}", ["Password"] = "Passw0rd-B!", ["Role"] = "Reporter" });
        var reporter = await AdminClient.SignedInAsync(Factory, $"pv-{p}", "Passw0rd-B!", "/" + p);
        var anonymous = Factory.CreateClient(new() { AllowAutoRedirect = false });

        var reporterPage = await reporter.Http.GetAsync($"/{p}/admin/search");
        var reporterPost = await reporter.PostFormAsync($"/{p}/admin", $"/{p}/admin/search/synonyms/create", new() { ["Terms"] = "UBND\nỦy ban nhân dân" });
        var reporterMisses = await reporter.Http.GetAsync($"/{p}/admin/search/misses");
        var anonymousPage = await anonymous.GetAsync($"/{p}/admin/search");
        var adminPage = await admin.Http.GetAsync($"/{p}/admin/search");
        var adminMenu = await admin.Http.GetStringAsync($"/{p}/admin");
        var reporterMenu = await reporter.Http.GetStringAsync($"/{p}/admin");

        Assert.Equal(HttpStatusCode.Redirect, reporterPage.StatusCode);
        Assert.Contains("/admin/denied", reporterPage.Headers.Location!.ToString());
        Assert.Contains("/admin/denied", reporterPost.Headers.Location!.ToString());
        Assert.Contains("/admin/denied", reporterMisses.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.Contains("/admin/login", anonymousPage.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.Contains("Từ đồng nghĩa", await adminPage.Content.ReadAsStringAsync());
        Assert.Contains($"href=\"/{p}/admin/search\"", adminMenu);
        Assert.DoesNotContain($"href=\"/{p}/admin/search\"", reporterMenu);
        Assert.Empty(await RowsAsync<SearchSynonymGroup>(site));
    }

    [Fact]
    public async Task Synonym_groups_are_checked_beside_the_field_edited_and_deleted_per_site()
    {
        const string p = "xa-tk-nhom";
        var site = await Factory.ProvisionAsync(p);
        await Factory.ProvisionAsync("xa-tk-nhom-khac");
        var admin = await AdminClient.SignedInAsync(Factory);
        const string index = $"/{p}/admin/search";
        const string create = index + "/synonyms/create";

        var one = await admin.PostFormAsync(create, create, new() { ["Terms"] = "UBND" });
        var tooLong = await admin.PostFormAsync(create, create, new() { ["Terms"] = "UBND\n" + new string('a', 101) });
        var created = await admin.PostFormAsync(create, create, new() { ["Terms"] = " UBND \r\nỦy   ban nhân dân\r\n" });
        var taken = await admin.PostFormAsync(create, create, new() { ["Terms"] = "ubnd|chính quyền xã" });
        var withoutToken = await admin.Http.PostAsync(create, new FormUrlEncodedContent(new Dictionary<string, string> { ["Terms"] = "TTHC\nthủ tục hành chính" }));
        var listed = WebUtility.HtmlDecode(await admin.Http.GetStringAsync(index));
        var id = GroupId().Match(listed).Groups[1].Value;
        var edit = $"{index}/synonyms/{id}";

        var editForm = WebUtility.HtmlDecode(await admin.Http.GetStringAsync(edit));
        var sameFolded = await admin.PostFormAsync(edit, edit, new() { ["Terms"] = "UBND\nỦy ban nhân dân\nUỷ ban nhân dân" });
        var edited = await admin.PostFormAsync(edit, edit, new() { ["Terms"] = "UBND\nỦy ban nhân dân\nU.B.N.D" });
        var afterEdit = WebUtility.HtmlDecode(await admin.Http.GetStringAsync(index));
        var otherSite = WebUtility.HtmlDecode(await admin.Http.GetStringAsync("/xa-tk-nhom-khac/admin/search"));
        var otherSiteEdit = await admin.Http.GetAsync($"/xa-tk-nhom-khac/admin/search/synonyms/{id}");
        var otherSiteDelete = await admin.PostFormAsync("/xa-tk-nhom-khac/admin/search", $"/xa-tk-nhom-khac/admin/search/synonyms/{id}/delete", []);
        var deleted = await admin.PostFormAsync(index, $"{edit}/delete", []);
        var afterDelete = WebUtility.HtmlDecode(await admin.Http.GetStringAsync(index));
        var deletedAgain = await admin.PostFormAsync(index, $"{edit}/delete", []);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Matches("<span class=\"field-error[^\"]*\"[^>]*data-valmsg-for=\"Terms\"[^>]*>Một nhóm gồm từ 2 đến 10", WebUtility.HtmlDecode(await one.Content.ReadAsStringAsync()));
        Assert.Contains("Mỗi từ dài tối đa 100 ký tự", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("\"ubnd\" đã có trong nhóm \"UBND | Ủy ban nhân dân\"", WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains("UBND | Ủy ban nhân dân", listed);
        Assert.Contains("data-confirm=\"Xóa nhóm \"UBND | Ủy ban nhân dân\"?", listed);
        Assert.Contains("UBND\nỦy ban nhân dân</textarea>", editForm);
        Assert.Contains("\"Uỷ ban nhân dân\" trùng với \"Ủy ban nhân dân\"", WebUtility.HtmlDecode(await sameFolded.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("UBND | Ủy ban nhân dân | U.B.N.D", afterEdit);
        Assert.DoesNotContain("UBND | Ủy ban nhân dân", otherSite);
        Assert.Equal(HttpStatusCode.NotFound, otherSiteEdit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSiteDelete.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain("UBND | Ủy ban nhân dân", afterDelete);
        Assert.Contains("Đã xóa nhóm từ đồng nghĩa.", afterDelete);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
        Assert.Empty(await RowsAsync<SearchSynonymGroup>(site));
    }

    [Fact]
    public async Task A_synonym_group_finds_an_item_at_once_without_a_rebuild()
    {
        const string p = "xa-tk-dongnghia";
        var site = await Factory.ProvisionAsync(p);
        var admin = await AdminClient.SignedInAsync(Factory);
        var http = Factory.CreateClient();
        await Factory.AddPageAsync(site, "lich-tiep-dan", "Lịch tiếp công dân của Ủy ban nhân dân xã Phong Thạnh", "<p>Thứ năm hằng tuần.</p>");
        var indexed = await SearchUntilAsync(http, p, "Phong Thạnh", r => Total(r) == 1);

        var before = await SearchAsync(http, p, "UBND Phong Thạnh");
        var create = $"/{p}/admin/search/synonyms/create";
        var saved = await admin.PostFormAsync(create, create, new() { ["Terms"] = "UBND\nỦy ban nhân dân" });
        var after = await SearchAsync(http, p, "UBND Phong Thạnh");
        var folded = await SearchAsync(http, p, "ubnd phong thanh");
        var id = GroupId().Match(await admin.Http.GetStringAsync($"/{p}/admin/search")).Groups[1].Value;
        await admin.PostFormAsync($"/{p}/admin/search", $"/{p}/admin/search/synonyms/{id}/delete", []);
        var afterDelete = await SearchAsync(http, p, "UBND Phong Thạnh");

        Assert.Equal(1, Total(indexed));
        Assert.Equal(0, Total(before));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, Total(after));
        Assert.Contains("Phong Thạnh", Titles(after)[0]);
        Assert.Equal(1, Total(folded));
        Assert.Equal(0, Total(afterDelete));
    }

    [Fact]
    public async Task A_best_bet_puts_the_chosen_items_first_in_their_order()
    {
        const string p = "xa-tk-uutien";
        var site = await Factory.ProvisionAsync(p);
        var admin = await AdminClient.SignedInAsync(Factory);
        var http = Factory.CreateClient();
        await Factory.AddPageAsync(site, "dang-ky-khai-sinh", "Đăng ký khai sinh", "<p>Thủ tục đăng ký khai sinh cho trẻ: đăng ký khai sinh tại xã.</p>");
        var guide = await Factory.AddPageAsync(site, "huong-dan-tre-so-sinh", "Hướng dẫn giấy tờ cho trẻ sơ sinh Quế Lâm", "<p>Các bước cho cha mẹ.</p>");
        var office = await Factory.AddPageAsync(site, "bo-phan-mot-cua", "Bộ phận một cửa Quế Lâm", "<p>Giờ làm việc.</p>");
        await SearchUntilAsync(http, p, "Quế Lâm", r => Total(r) == 2);
        var organic = await SearchUntilAsync(http, p, "đăng ký khai sinh", r => Total(r) == 1);

        const string create = $"/{p}/admin/search/best-bets/create";
        var findPage = WebUtility.HtmlDecode(await admin.Http.GetStringAsync($"{create}?query={Uri.EscapeDataString("Đăng ký khai sinh")}&find={Uri.EscapeDataString("sơ sinh Quế Lâm")}"));
        var guideKey = KeyPattern().Matches(findPage).Select(m => m.Groups[1].Value).Single();
        var officeKey = SearchDocuments.KeyOf(site.Id, "page", office.Id);
        var otherSiteKey = SearchDocuments.KeyOf(site.Id + 1000, "page", office.Id);

        var noQuery = await admin.PostFormAsync(create, create, new() { ["Query"] = " !! ", ["Key"] = guideKey });
        var foreign = await admin.PostFormAsync(create, create, new() { ["Query"] = "Đăng ký khai sinh", ["Key"] = otherSiteKey });
        var first = await admin.PostFormAsync(create, create, new() { ["Query"] = "Đăng ký khai sinh", ["Key"] = guideKey });
        var duplicate = await admin.PostFormAsync(create, create, new() { ["Query"] = "ĐĂNG KÝ KHAI SINH", ["Key"] = guideKey });
        var second = await admin.PostFormAsync(create, create, new() { ["Query"] = "dang ky khai sinh", ["Key"] = officeKey });
        var withBets = await SearchAsync(http, p, "Đăng ký khai sinh");
        var folded = await SearchAsync(http, p, "dang ky khai sinh!");
        var otherQuery = await SearchAsync(http, p, "khai sinh");

        var listed = WebUtility.HtmlDecode(await admin.Http.GetStringAsync($"/{p}/admin/search"));
        var officeBet = (await RowsAsync<SearchBestBet>(site)).Single(b => b.ContentItemId == office.Id).Id;
        var moved = await admin.PostFormAsync($"/{p}/admin/search", $"/{p}/admin/search/best-bets/{officeBet}/up", []);
        var afterMove = await SearchAsync(http, p, "Đăng ký khai sinh");
        var deleted = await admin.PostFormAsync($"/{p}/admin/search", $"/{p}/admin/search/best-bets/{officeBet}/delete", []);
        var afterDelete = await SearchAsync(http, p, "Đăng ký khai sinh");

        Assert.Equal(SearchDocuments.KeyOf(site.Id, "page", guide.Id), guideKey);
        Assert.Equal(["Đăng ký khai sinh"], Titles(organic));
        Assert.Contains("Nhập từ khóa", WebUtility.HtmlDecode(await noQuery.Content.ReadAsStringAsync()));
        Assert.Contains("Chọn một nội dung đang hiển thị trên trang này", WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("đã là kết quả ưu tiên của từ khóa này", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal([guide.Title, office.Title, "Đăng ký khai sinh"], Titles(withBets));
        Assert.Equal([true, true, false], BestBets(withBets));
        Assert.Equal(3, Total(withBets));
        Assert.Equal([guide.Title, office.Title, "Đăng ký khai sinh"], Titles(folded));
        Assert.DoesNotContain(true, BestBets(otherQuery));
        Assert.Contains(guide.Title, listed);
        Assert.Contains($"data-confirm=\"Bỏ \"{office.Title}\" khỏi kết quả ưu tiên", listed);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal([office.Title, guide.Title, "Đăng ký khai sinh"], Titles(afterMove));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal([guide.Title, "Đăng ký khai sinh"], Titles(afterDelete));
    }

    [Fact]
    public async Task A_query_that_finds_nothing_is_listed_after_the_flush_most_frequent_first()
    {
        const string p = "xa-tk-khongthay";
        var site = await Factory.ProvisionAsync(p);
        await Factory.ProvisionAsync("xa-tk-khongthay-khac");
        var admin = await AdminClient.SignedInAsync(Factory);
        var http = Factory.CreateClient();
        await Factory.AddPageAsync(site, "gioi-thieu-xa", "Giới thiệu xã Vĩnh Hảo", "<p>Lịch sử.</p>");
        await SearchUntilAsync(http, p, "Vĩnh Hảo", r => Total(r) == 1);

        await SearchAsync(http, p, "Xyzquâ");
        await SearchAsync(http, p, "xyzqua");
        await SearchAsync(http, p, "XYZQUA!");
        await SearchAsync(http, p, "bafkwe");
        await SearchAsync(http, p, "Vĩnh Hảo");
        await admin.Http.GetStringAsync($"/{p}/admin/search/best-bets/create?find=editorxyzonly");
        await Factory.Service<SearchMissLog>().FlushAsync(CancellationToken.None);

        var list = WebUtility.HtmlDecode(await admin.Http.GetStringAsync($"/{p}/admin/search/misses"));
        var index = WebUtility.HtmlDecode(await admin.Http.GetStringAsync($"/{p}/admin/search"));
        var other = WebUtility.HtmlDecode(await admin.Http.GetStringAsync("/xa-tk-khongthay-khac/admin/search/misses"));
        var prefilled = WebUtility.HtmlDecode(await admin.Http.GetStringAsync($"/{p}/admin/search/synonyms/create?terms=XYZQUA%21"));
        // The wait for the index may have counted "vinh hao" before the page was in it.
        var rows = (await RowsAsync<SearchMiss>(site)).Where(m => m.NormalizedQuery != "vinh hao").ToList();
        var xyz = rows.Single(m => m.NormalizedQuery == "xyzqua");

        Assert.Equal(2, rows.Count);
        Assert.Equal(3, xyz.Count);
        Assert.Equal("XYZQUA!", xyz.LastQuery);
        Assert.Equal(1, rows.Single(m => m.NormalizedQuery == "bafkwe").Count);
        Assert.True(list.IndexOf("XYZQUA!", StringComparison.Ordinal) < list.IndexOf("bafkwe", StringComparison.Ordinal), "most frequent first");
        Assert.Contains($"href=\"/{p}/tim-kiem?q=XYZQUA%21\"", list);
        Assert.Contains($"href=\"/{p}/admin/search/synonyms/create?terms=XYZQUA%21\"", list);
        Assert.Contains($"href=\"/{p}/admin/search/best-bets/create?query=XYZQUA%21\"", list);
        Assert.Contains("XYZQUA!", index);
        Assert.DoesNotContain("editorxyzonly", list);
        Assert.DoesNotContain("XYZQUA!", other);
        Assert.Matches(">\\s*XYZQUA!</textarea>", prefilled);

        var deleted = await admin.PostFormAsync($"/{p}/admin/search/misses", $"/{p}/admin/search/misses/{rows.Single(m => m.NormalizedQuery == "bafkwe").Id}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain("bafkwe", WebUtility.HtmlDecode(await admin.Http.GetStringAsync($"/{p}/admin/search/misses")));

        // A month later the old misses are out of the list, and the next write drops them.
        try
        {
            fixture.Clock.Offset = TimeSpan.FromDays(31);
            var (month, total) = await InSiteAsync(site, s => s.GetRequiredService<SearchMissList>().PageAsync(1, 50, CancellationToken.None));
            await SearchAsync(http, p, "xyzqua");
            await Factory.Service<SearchMissLog>().FlushAsync(CancellationToken.None);
            var afterMonth = await RowsAsync<SearchMiss>(site);

            Assert.Empty(month);
            Assert.Equal(0, total);
            Assert.Equal(1, Assert.Single(afterMonth).Count);
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    private static async Task<JsonObject> SearchAsync(HttpClient http, string prefix, string q) =>
        JsonNode.Parse(await http.GetStringAsync($"/{prefix}/api/search?q={Uri.EscapeDataString(q)}"))!.AsObject();

    /// <summary>The index is filled in the background: asks again until <paramref name="done"/> (at most 15 s).</summary>
    private static async Task<JsonObject> SearchUntilAsync(HttpClient http, string prefix, string q, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var result = await SearchAsync(http, prefix, q);
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(250);
        }
    }

    private static int Total(JsonObject result) => (int)result["total"]!;

    private static List<string> Titles(JsonObject result) => [.. result["results"]!.AsArray().Select(h => (string)h!["title"]!)];

    private static List<bool> BestBets(JsonObject result) => [.. result["results"]!.AsArray().Select(h => (bool)h!["bestBet"]!)];

    private Task<List<T>> RowsAsync<T>(Tenant site)
        where T : class => InSiteAsync(site, s => s.GetRequiredService<PortalDbContext>().Set<T>().AsNoTracking().ToListAsync());

    private async Task<T> InSiteAsync<T>(Tenant site, Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        return await read(scope.ServiceProvider);
    }

    [GeneratedRegex("/admin/search/synonyms/(\\d+)\"")]
    private static partial Regex GroupId();

    [GeneratedRegex("name=\"Key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();
}

public sealed class SearchAdminTestsSqlite(SearchAdminSqliteFixture fixture) : SearchAdminTests<SearchAdminSqliteFixture>(fixture), IClassFixture<SearchAdminSqliteFixture>;

public sealed class SearchAdminTestsPostgres(SearchAdminPostgresFixture fixture) : SearchAdminTests<SearchAdminPostgresFixture>(fixture), IClassFixture<SearchAdminPostgresFixture>;
