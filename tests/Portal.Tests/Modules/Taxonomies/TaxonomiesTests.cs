using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Taxonomies;

/// <summary>Tags: made from the words editors type, one public page per tag, renamed, merged and deleted by the board.</summary>
public sealed class TaxonomiesTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Factory => fixture.Factory;

    private static async Task PublishAsync(AdminClient admin, string prefix, string title, string tags)
    {
        var created = await admin.PostFormAsync($"/{prefix}/admin/news/create", $"/{prefix}/admin/news/create", new() { ["Title"] = title, ["Category"] = "thong-bao", ["Tags"] = tags });
        var edit = created.Headers.Location!.ToString();
        var published = await admin.PostFormAsync(edit, $"{edit}/force-publish", new() { ["reason"] = "Kiểm thử thẻ" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
    }

    [Fact]
    public async Task Published_articles_are_listed_on_their_tag_pages_and_the_article_links_to_them()
    {
        var site = await Factory.ProvisionAsync("xa-the");
        var other = await Factory.ProvisionAsync("xa-the-khac");
        var admin = await AdminClient.SignedInAsync(Factory);
        await PublishAsync(admin, "xa-the", "Tập huấn chuyển đổi số cho cán bộ", "Chuyển đổi số, Cải cách hành chính");
        await PublishAsync(admin, "xa-the", "Ra mắt tổ công nghệ số cộng đồng", "chuyển đổi số");

        var client = Factory.CreateClient();
        var tagPage = await client.GetStringAsync("/xa-the/the/chuyen-doi-so");
        var article = await client.GetStringAsync("/xa-the/tin-tuc/thong-bao/tap-huan-chuyen-doi-so-cho-can-bo");
        var elsewhere = await client.GetAsync("/xa-the-khac/the/chuyen-doi-so");
        var unknown = await client.GetAsync("/xa-the/the/khong-co-the-nay");

        Assert.Contains("Tập huấn chuyển đổi số cho cán bộ", tagPage);
        Assert.Contains("Ra mắt tổ công nghệ số cộng đồng", tagPage);
        Assert.Contains("2 nội dung", tagPage);
        Assert.Contains("href=\"/xa-the/the/cai-cach-hanh-chinh\"", article);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.NotNull(other);
        Assert.NotNull(site);
    }

    [Fact]
    public async Task A_merged_tag_redirects_and_keeps_filing_under_its_target_and_a_deleted_one_is_gone()
    {
        await Factory.ProvisionAsync("xa-gop-the");
        var admin = await AdminClient.SignedInAsync(Factory);
        await PublishAsync(admin, "xa-gop-the", "Bài về nông thôn mới", "Nông thôn mới");
        await PublishAsync(admin, "xa-gop-the", "Bài về NTM", "NTM, Giao thông");

        var list = await admin.Http.GetStringAsync("/xa-gop-the/admin/taxonomies?q=ntm");
        var id = System.Text.RegularExpressions.Regex.Match(list, "/admin/taxonomies/(\\d+)\">NTM<").Groups[1].Value;
        var badMerge = await admin.PostFormAsync($"/xa-gop-the/admin/taxonomies/{id}", $"/xa-gop-the/admin/taxonomies/{id}", new() { ["Name"] = "NTM", ["MergeInto"] = "khong-ton-tai" });
        var merge = await admin.PostFormAsync($"/xa-gop-the/admin/taxonomies/{id}", $"/xa-gop-the/admin/taxonomies/{id}", new() { ["Name"] = "NTM", ["MergeInto"] = "nong-thon-moi" });
        await PublishAsync(admin, "xa-gop-the", "Bài thứ ba về NTM", "NTM");

        var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        var oldAddress = await client.GetAsync("/xa-gop-the/the/ntm");
        var target = await client.GetStringAsync("/xa-gop-the/the/nong-thon-moi");

        var all = await admin.Http.GetStringAsync("/xa-gop-the/admin/taxonomies?q=giao");
        var giao = System.Text.RegularExpressions.Regex.Match(all, "/admin/taxonomies/(\\d+)\">Giao thông<").Groups[1].Value;
        var delete = await admin.PostFormAsync("/xa-gop-the/admin/taxonomies", $"/xa-gop-the/admin/taxonomies/{giao}/delete", []);
        var deleted = await client.GetAsync("/xa-gop-the/the/giao-thong");

        Assert.NotEmpty(id);
        Assert.Equal(HttpStatusCode.OK, badMerge.StatusCode);
        Assert.Contains("Không có thẻ đích", await badMerge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, merge.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, oldAddress.StatusCode);
        Assert.EndsWith("/xa-gop-the/the/nong-thon-moi", oldAddress.Headers.Location!.ToString());
        Assert.Contains("Bài về nông thôn mới", target);
        Assert.Contains("Bài về NTM", target);
        Assert.Contains("Bài thứ ba về NTM", target);
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
    }

    [Fact]
    public async Task The_demo_province_has_tag_pages_for_its_articles()
    {
        var province = await Factory.ProvisionAsync("tinh-the-mau", level: "Province");
        await Factory.Service<TenantManager>().RunRecipeAsync(province.Name, Factory.Service<RecipeCatalog>().Find("demo")!);

        var tag = await Factory.CreateClient().GetStringAsync("/tinh-the-mau/the/chuyen-doi-so");

        Assert.Contains("Hội nghị tổng kết chuyển đổi số năm 2026", tag);
        Assert.Contains("Quy định mới về cung cấp thông tin trên cổng thông tin điện tử", tag);
    }

    [Fact]
    public async Task Reporters_and_anonymous_visitors_cannot_manage_tags()
    {
        var site = await Factory.ProvisionAsync("xa-the-quyen");
        await Factory.CreateSiteAdministratorAsync(site, "qt-the-quyen", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, "qt-the-quyen", "Passw0rd-Q!", "/xa-the-quyen");
        await admin.PostFormAsync("/xa-the-quyen/admin/users/add", "/xa-the-quyen/admin/users/add", new() { ["UserName"] = "pv-the-quyen", ["Password"] = "Passw0rd-B!", ["Role"] = "Reporter" });
        var reporter = await AdminClient.SignedInAsync(Factory, "pv-the-quyen", "Passw0rd-B!", "/xa-the-quyen");

        var anonymous = await Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/xa-the-quyen/admin/taxonomies");
        var byReporter = await reporter.Http.GetAsync("/xa-the-quyen/admin/taxonomies");

        Assert.Contains("/admin/login", anonymous.Headers.Location!.ToString());
        Assert.Contains("/admin/denied", byReporter.Headers.Location!.ToString());
    }
}
