using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Contents;

/// <summary>The shared Contents admin: every type in one list, filtered, moved in bulk, compared and restored; on both providers.</summary>
public abstract class ContentsAdminTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    private async Task<(AdminClient Reporter, AdminClient Head)> BoardAsync(string prefix)
    {
        var site = await Factory.ProvisionAsync(prefix);
        await Factory.CreateSiteAdministratorAsync(site, $"qt-{prefix}", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, $"qt-{prefix}", "Passw0rd-Q!", "/" + prefix);
        foreach (var (user, role) in new[] { ($"pv-{prefix}", "Reporter"), ($"tb-{prefix}", "Approver") })
        {
            await admin.PostFormAsync($"/{prefix}/admin/users/add", $"/{prefix}/admin/users/add", new() { ["UserName"] = user, ["Password"] = "Passw0rd-B!", ["Role"] = role });
        }

        return (await AdminClient.SignedInAsync(Factory, $"pv-{prefix}", "Passw0rd-B!", "/" + prefix),
                await AdminClient.SignedInAsync(Factory, $"tb-{prefix}", "Passw0rd-B!", "/" + prefix));
    }

    private static async Task<string> CreateNewsAsync(AdminClient who, string prefix, string title, string category, string summary = "")
    {
        var created = await who.PostFormAsync($"/{prefix}/admin/news/create", $"/{prefix}/admin/news/create", new() { ["Title"] = title, ["Category"] = category, ["Summary"] = summary });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return created.Headers.Location!.ToString().Split('/').Last();
    }

    [Fact]
    public async Task The_list_filters_by_state_category_author_and_text_and_keeps_filters_when_paging()
    {
        var (reporter, head) = await BoardAsync("xa-nd-loc");
        await CreateNewsAsync(reporter, "xa-nd-loc", "Họp dân về đường liên thôn", "tin-hoat-dong");
        await CreateNewsAsync(head, "xa-nd-loc", "Thông báo lịch tiếp dân", "thong-bao");

        var all = await head.Http.GetStringAsync("/xa-nd-loc/admin/contents");
        var byCategory = await head.Http.GetStringAsync("/xa-nd-loc/admin/contents?category=thong-bao");
        var byAuthor = await head.Http.GetStringAsync("/xa-nd-loc/admin/contents?author=pv-xa-nd-loc");
        var byText = await head.Http.GetStringAsync("/xa-nd-loc/admin/contents?type=news&q=" + Uri.EscapeDataString("liên thôn"));
        var byFoldedText = await head.Http.GetStringAsync("/xa-nd-loc/admin/contents?q=" + Uri.EscapeDataString("HỌP DÂN"));
        var withoutMarks = await head.Http.GetStringAsync("/xa-nd-loc/admin/contents?q=" + Uri.EscapeDataString("duong lien thon"));
        // The site's required pages are published content items too; its news is all draft.
        var byState = await head.Http.GetStringAsync("/xa-nd-loc/admin/contents?type=news&state=Published");
        var publishedPages = System.Net.WebUtility.HtmlDecode(await head.Http.GetStringAsync("/xa-nd-loc/admin/contents?state=Published"));
        var badFilters = await head.Http.GetAsync("/xa-nd-loc/admin/contents?state=nonsense&from=31-31-2026&page=-4&type=khong-co");
        var extremeDates = await head.Http.GetAsync("/xa-nd-loc/admin/contents?from=0001-01-01&to=9999-12-31");
        var extremeNewsDates = await head.Http.GetAsync("/xa-nd-loc/admin/news?from=0001-01-01&to=9999-12-31");

        Assert.Contains("Họp dân về đường liên thôn", all);
        Assert.Contains("Thông báo lịch tiếp dân", all);
        Assert.Contains("Tin bài", all);
        Assert.Contains("Thông báo lịch tiếp dân", byCategory);
        Assert.DoesNotContain("Họp dân về đường liên thôn", byCategory);
        Assert.Contains("Họp dân về đường liên thôn", byAuthor);
        Assert.DoesNotContain("Thông báo lịch tiếp dân", byAuthor);
        Assert.Contains("Họp dân về đường liên thôn", byText);
        Assert.DoesNotContain("Thông báo lịch tiếp dân", byText);
        Assert.Contains("Họp dân về đường liên thôn", byFoldedText);
        Assert.Contains("Họp dân về đường liên thôn", withoutMarks);
        Assert.DoesNotContain("Thông báo lịch tiếp dân", withoutMarks);
        Assert.Contains("0 nội dung", byState);
        Assert.Contains("href=\"/xa-nd-loc/admin/pages/lien-he\"", publishedPages); // the page desk is its editor
        Assert.DoesNotContain("Họp dân về đường liên thôn", publishedPages);
        Assert.Equal(HttpStatusCode.OK, badFilters.StatusCode);
        Assert.Contains("không hợp lệ", await badFilters.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, extremeDates.StatusCode);
        Assert.Contains("Họp dân về đường liên thôn", await extremeDates.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, extremeNewsDates.StatusCode);
        Assert.Equal("/xa-nd-loc/admin/contents?type=news&from=0001-01-01&to=9999-12-31", extremeNewsDates.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Bulk_publish_moves_the_items_allowed_and_counts_the_rest()
    {
        var (reporter, head) = await BoardAsync("xa-nd-bulk");
        var approved = await CreateNewsAsync(head, "xa-nd-bulk", "Bài đã duyệt", "thong-bao");
        var draft = await CreateNewsAsync(reporter, "xa-nd-bulk", "Bài còn nháp", "thong-bao");
        await head.PostFormAsync($"/xa-nd-bulk/admin/news/{approved}", $"/xa-nd-bulk/admin/news/{approved}/submit", []);
        await head.PostFormAsync($"/xa-nd-bulk/admin/news/{approved}", $"/xa-nd-bulk/admin/news/{approved}/approve", []);

        var form = new List<KeyValuePair<string, string>>
        {
            new("operation", "publish"),
            new("ids", approved),
            new("ids", draft),
            new("ids", "khong-ton-tai"),
            new("__RequestVerificationToken", await head.TokenAsync("/xa-nd-bulk/admin/contents")),
        };
        await head.Http.PostAsync("/xa-nd-bulk/admin/contents/bulk", new FormUrlEncodedContent(form));
        var list = await head.Http.GetStringAsync("/xa-nd-bulk/admin/contents?state=Published");
        var article = await Factory.CreateClient().GetAsync("/xa-nd-bulk/tin-tuc/thong-bao/bai-da-duyet");

        Assert.Contains("Bài đã duyệt", list);
        Assert.DoesNotContain("Bài còn nháp", list);
        Assert.Contains("bỏ qua 2 nội dung", list);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
    }

    [Fact]
    public async Task History_shows_a_labelled_diff_and_restore_makes_a_new_draft()
    {
        var (_, head) = await BoardAsync("xa-nd-lich-su");
        var id = await CreateNewsAsync(head, "xa-nd-lich-su", "Tiêu đề đầu tiên", "thong-bao", "Sapo ban đầu");
        await head.PostFormAsync($"/xa-nd-lich-su/admin/news/{id}", $"/xa-nd-lich-su/admin/news/{id}", new() { ["Title"] = "Tiêu đề đã sửa", ["Category"] = "thong-bao", ["Summary"] = "Sapo <b>đã sửa</b>" });

        var history = await head.Http.GetStringAsync($"/xa-nd-lich-su/admin/contents/{id}/history");
        var diff = await head.Http.GetStringAsync($"/xa-nd-lich-su/admin/contents/{id}/diff?from=1&to=2");
        var restore = await head.PostFormAsync($"/xa-nd-lich-su/admin/contents/{id}/history", $"/xa-nd-lich-su/admin/contents/{id}/restore/1", []);
        var afterRestore = await head.Http.GetStringAsync($"/xa-nd-lich-su/admin/contents/{id}/history");
        var missing = await head.Http.GetAsync($"/xa-nd-lich-su/admin/contents/{id}/diff?from=1&to=99");

        Assert.Contains("Tiêu đề đã sửa", history);
        Assert.Contains("Sapo", diff);
        Assert.Contains("Sapo ban đầu", diff);
        Assert.Contains("Sapo &lt;b&gt;đã sửa&lt;/b&gt;", diff);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Contains("Tiêu đề đầu tiên", afterRestore);
        Assert.Contains("từ phiên bản 1", afterRestore);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Reporters_see_only_their_own_items_and_anonymous_visitors_and_other_sites_are_kept_out()
    {
        var (reporter, head) = await BoardAsync("xa-nd-quyen");
        var id = await CreateNewsAsync(head, "xa-nd-quyen", "Bài riêng của xã", "thong-bao");
        var (_, otherHead) = await BoardAsync("xa-nd-khac");

        var anonymous = await Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/xa-nd-quyen/admin/contents");
        var reporterList = await reporter.Http.GetStringAsync("/xa-nd-quyen/admin/contents");
        var reporterHistory = await reporter.Http.GetAsync($"/xa-nd-quyen/admin/contents/{id}/history");
        var otherSiteHistory = await otherHead.Http.GetAsync($"/xa-nd-khac/admin/contents/{id}/history");
        var otherSiteRestore = await otherHead.PostFormAsync("/xa-nd-khac/admin/contents", $"/xa-nd-khac/admin/contents/{id}/restore/1", []);
        var otherList = await otherHead.Http.GetStringAsync("/xa-nd-khac/admin/contents");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/admin/login", anonymous.Headers.Location!.ToString());
        Assert.DoesNotContain("Bài riêng của xã", reporterList);
        Assert.Equal(HttpStatusCode.NotFound, reporterHistory.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSiteHistory.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSiteRestore.StatusCode);
        Assert.DoesNotContain("Bài riêng của xã", otherList);
    }
}

public sealed class ContentsAdminTestsSqlite(SqliteFixture fixture) : ContentsAdminTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class ContentsAdminTestsPostgres(PostgresFixture fixture) : ContentsAdminTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
