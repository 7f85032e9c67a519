using System.Net;
using System.Text.RegularExpressions;
using Portal.News.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.News;

/// <summary>The news desk as an editorial board uses it, and what citizens then see.</summary>
public sealed partial class NewsTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Factory => fixture.Factory;

    private async Task<(AdminClient Reporter, AdminClient Editor, AdminClient Head)> BoardAsync(string prefix)
    {
        var site = await Factory.ProvisionAsync(prefix);
        await Factory.CreateSiteAdministratorAsync(site, $"qt-{prefix}", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, $"qt-{prefix}", "Passw0rd-Q!", "/" + prefix);
        foreach (var (user, role) in new[] { ($"pv-{prefix}", "Reporter"), ($"btv-{prefix}", "Editor"), ($"tb-{prefix}", "Approver") })
        {
            await admin.PostFormAsync($"/{prefix}/admin/users/add", $"/{prefix}/admin/users/add", new() { ["UserName"] = user, ["Password"] = "Passw0rd-B!", ["Role"] = role });
        }

        return (await AdminClient.SignedInAsync(Factory, $"pv-{prefix}", "Passw0rd-B!", "/" + prefix),
                await AdminClient.SignedInAsync(Factory, $"btv-{prefix}", "Passw0rd-B!", "/" + prefix),
                await AdminClient.SignedInAsync(Factory, $"tb-{prefix}", "Passw0rd-B!", "/" + prefix));
    }

    [Fact]
    public async Task A_reporters_draft_is_edited_approved_published_and_read_by_citizens()
    {
        var (reporter, editor, head) = await BoardAsync("xa-tin");
        var created = await reporter.PostFormAsync("/xa-tin/admin/news/create", "/xa-tin/admin/news/create", new()
        {
            ["Title"] = "Khánh thành trường mầm non Hoa Sen",
            ["Summary"] = "Ngôi trường mới có 12 phòng học.",
            ["Body"] = "<p>Sáng nay xã tổ chức lễ khánh thành.</p><script>alert(1)</script>",
            ["Category"] = "tin-hoat-dong",
            ["Author"] = "Lan Anh",
        });
        var id = created.Headers.Location!.ToString().Split('/').Last();
        var edit = $"/xa-tin/admin/news/{id}";

        var reporterCannotPublish = await reporter.PostFormAsync(edit, $"{edit}/force-publish", new() { ["reason"] = "vội" });
        await reporter.PostFormAsync(edit, $"{edit}/submit", []);
        await editor.PostFormAsync(edit, edit, new()
        {
            ["Title"] = "Khánh thành trường mầm non Hoa Sen xã Tin",
            ["Summary"] = "Ngôi trường mới có 12 phòng học, đón 360 cháu.",
            ["Body"] = "<p>Sáng nay xã tổ chức lễ khánh thành.</p>",
            ["Category"] = "tin-hoat-dong",
            ["Author"] = "Lan Anh",
        });
        var editorCannotApprove = await editor.PostFormAsync(edit, $"{edit}/approve", []);
        await head.PostFormAsync(edit, $"{edit}/approve", []);
        var publicBefore = await Factory.CreateClient().GetAsync("/xa-tin/tin-tuc/tin-hoat-dong/khanh-thanh-truong-mam-non-hoa-sen-xa-tin");
        await head.PostFormAsync(edit, $"{edit}/publish", []);
        var article = await Factory.CreateClient().GetAsync("/xa-tin/tin-tuc/tin-hoat-dong/khanh-thanh-truong-mam-non-hoa-sen-xa-tin");
        var html = await article.Content.ReadAsStringAsync();
        var home = await Factory.CreateClient().GetStringAsync("/xa-tin/");
        var history = await head.Http.GetStringAsync($"/xa-tin/admin/contents/{edit.Split('/')[^1]}/history");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("/admin/denied", reporterCannotPublish.Headers.Location!.ToString());
        Assert.Contains("/admin/denied", editorCannotApprove.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, publicBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Contains("đón 360 cháu", html);
        Assert.Contains("Lan Anh", html);
        Assert.DoesNotContain("alert(1)", html);
        Assert.Contains("Khánh thành trường mầm non Hoa Sen xã Tin", home);
        Assert.Contains("pv-xa-tin", history);
        Assert.Contains("btv-xa-tin", history);
        Assert.Contains("tb-xa-tin", history);
    }

    [Fact]
    public async Task A_reporter_sees_and_edits_only_their_own_articles()
    {
        var (reporter, editor, _) = await BoardAsync("xa-rieng");
        var byEditor = await editor.PostFormAsync("/xa-rieng/admin/news/create", "/xa-rieng/admin/news/create", new() { ["Title"] = "Bài của biên tập viên", ["Category"] = "thong-bao" });
        var id = byEditor.Headers.Location!.ToString().Split('/').Last();

        var list = await reporter.Http.GetStringAsync("/xa-rieng/admin/contents?type=news");
        var open = await reporter.Http.GetAsync($"/xa-rieng/admin/news/{id}");

        Assert.DoesNotContain("Bài của biên tập viên", list);
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
    }

    [Fact]
    public async Task Bad_article_forms_keep_the_input_and_explain_each_field()
    {
        var (reporter, _, _) = await BoardAsync("xa-loi");

        var response = await reporter.PostFormAsync("/xa-loi/admin/news/create", "/xa-loi/admin/news/create", new()
        {
            ["Title"] = "",
            ["Summary"] = "Giữ lại sapo",
            ["Category"] = "khong-co",
            ["FeaturedImage"] = "/media/anh.jpg",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng nhập tiêu đề.", html);
        Assert.Contains("Chuyên mục không tồn tại.", html);
        Assert.Contains("Ảnh cần có mô tả", html);
        Assert.Contains("Giữ lại sapo", html);
    }

    [Fact]
    public async Task Views_are_counted_in_batches_and_a_wrong_category_redirects_to_the_article()
    {
        var (_, _, head) = await BoardAsync("xa-xem");
        var created = await head.PostFormAsync("/xa-xem/admin/news/create", "/xa-xem/admin/news/create", new() { ["Title"] = "Lịch cắt điện tuần này", ["Category"] = "thong-bao" });
        var edit = created.Headers.Location!.ToString();
        await head.PostFormAsync(edit, $"{edit}/force-publish", new() { ["reason"] = "Thông báo gấp cho nhân dân" });
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync("/xa-xem/tin-tuc/thong-bao/lich-cat-dien-tuan-nay");
        }

        await Factory.Service<ViewCounter>().FlushAsync(CancellationToken.None);
        var page = await client.GetStringAsync("/xa-xem/tin-tuc/thong-bao/lich-cat-dien-tuan-nay");
        var wrong = await client.GetAsync("/xa-xem/tin-tuc/tin-hoat-dong/lich-cat-dien-tuan-nay");
        var history = await head.Http.GetStringAsync($"/xa-xem/admin/contents/{edit.Split('/')[^1]}/history");

        Assert.Matches(ViewCount(), page);
        Assert.Equal("6", ViewCount().Match(page).Groups[1].Value);
        Assert.Equal(HttpStatusCode.MovedPermanently, wrong.StatusCode);
        Assert.Equal("/xa-xem/tin-tuc/thong-bao/lich-cat-dien-tuan-nay", wrong.Headers.Location!.ToString());
        Assert.Contains("không qua duyệt", history);
        Assert.Contains("Thông báo gấp cho nhân dân", history);
    }

    [Fact]
    public async Task Unknown_categories_and_articles_are_404_and_impossible_pages_are_empty()
    {
        var site = await Factory.ProvisionAsync("xa-trong");
        await Factory.Service<Portal.Core.Tenancy.TenantManager>().RunRecipeAsync(site.Name, Portal.Core.Recipes.RecipeParser.Parse("""
            { "name": "mot-tin", "steps": [ { "name": "content", "items": [
              { "type": "news", "id": "tin-duy-nhat", "published": true, "fields": { "title": "Tin duy nhất của xã", "category": "thong-bao", "body": "<p>x</p>" } } ] } ] }
            """, "mot-tin.recipe.json"));
        var client = Factory.CreateClient();

        var firstPage = await client.GetStringAsync("/xa-trong/tin-tuc");
        var farPage = await client.GetAsync("/xa-trong/tin-tuc?page=99999999");
        var farHtml = await farPage.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xa-trong/tin-tuc/khong-co")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xa-trong/tin-tuc/thong-bao/khong-co")).StatusCode);
        Assert.Contains("Tin duy nhất của xã", firstPage);
        Assert.Equal(HttpStatusCode.OK, farPage.StatusCode);
        Assert.Contains("<p>Chưa có tin bài.</p>", farHtml);
        Assert.DoesNotContain("Tin duy nhất của xã", farHtml);
        Assert.DoesNotContain("class=\"news-card", farHtml);
    }

    [Fact]
    public async Task Published_articles_earn_their_class_rate_and_the_monthly_report_exports_to_xlsx()
    {
        var (_, _, head) = await BoardAsync("xa-nhuan-but");
        await head.PostFormAsync("/xa-nhuan-but/admin/news/royalties/rates", "/xa-nhuan-but/admin/news/royalties/rates", new() { ["class"] = "A", ["description"] = "Tin thường", ["amount"] = "300000" });
        foreach (var title in new[] { "Tin một", "Tin hai" })
        {
            var created = await head.PostFormAsync("/xa-nhuan-but/admin/news/create", "/xa-nhuan-but/admin/news/create", new() { ["Title"] = title, ["Category"] = "thong-bao", ["Author"] = "Lan Anh", ["RoyaltyClass"] = "A" });
            var edit = created.Headers.Location!.ToString();
            await head.PostFormAsync(edit, $"{edit}/force-publish", new() { ["reason"] = "Kiểm thử nhuận bút" });
        }

        // A later rate change does not rewrite what was earned.
        await head.PostFormAsync("/xa-nhuan-but/admin/news/royalties/rates", "/xa-nhuan-but/admin/news/royalties/rates", new() { ["class"] = "A", ["amount"] = "999000" });
        var month = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var report = await head.Http.GetStringAsync($"/xa-nhuan-but/admin/news/royalties?month={month}");
        var export = await head.Http.GetAsync($"/xa-nhuan-but/admin/news/royalties/export?month={month}");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList();
        var reporter = await AdminClient.SignedInAsync(Factory, "pv-xa-nhuan-but", "Passw0rd-B!", "/xa-nhuan-but");

        Assert.Contains("Lan Anh", report);
        Assert.Contains("600.000", report);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Tin một", cells);
        Assert.Contains("600000", cells);
        Assert.Contains("/admin/denied", (await reporter.Http.GetAsync("/xa-nhuan-but/admin/news/royalties")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_readers_comment_waits_for_moderation_and_bots_are_ignored()
    {
        var (_, editor, head) = await BoardAsync("xa-y-kien");
        var created = await head.PostFormAsync("/xa-y-kien/admin/news/create", "/xa-y-kien/admin/news/create", new() { ["Title"] = "Lấy ý kiến quy hoạch chợ", ["Category"] = "thong-bao" });
        var edit = created.Headers.Location!.ToString();
        await head.PostFormAsync(edit, $"{edit}/force-publish", new() { ["reason"] = "Lấy ý kiến nhân dân" });
        var article = "/xa-y-kien/tin-tuc/thong-bao/lay-y-kien-quy-hoach-cho";
        var reader = AdminClient.Create(Factory);

        var invalid = await reader.PostFormAsync(article, article + "/binh-luan", new() { ["Form.SenderName"] = "Nguyễn Văn Bình", ["Form.Email"] = "sai", ["Form.Title"] = "", ["Form.Content"] = "ngắn" });
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        var sent = await reader.PostFormAsync(article, article + "/binh-luan", new() { ["Form.SenderName"] = "Nguyễn Văn Bình", ["Form.Email"] = "binh@example.vn", ["Form.Title"] = "Đề nghị mở rộng bãi đỗ xe", ["Form.Content"] = "Chợ cần thêm bãi đỗ xe máy cho người dân." });
        await reader.PostFormAsync(article, article + "/binh-luan", new() { ["Form.SenderName"] = "Bot", ["Form.Email"] = "bot@example.vn", ["Form.Title"] = "Quảng cáo", ["Form.Content"] = "Mua hàng giá rẻ tại đây ngay hôm nay", ["Form.Website"] = "http://spam.example" });
        var beforeModeration = await Factory.CreateClient().GetStringAsync(article);
        var queue = await editor.Http.GetStringAsync("/xa-y-kien/admin/news/comments");
        var id = CommentId().Match(queue).Groups[1].Value;
        await editor.PostFormAsync("/xa-y-kien/admin/news/comments", $"/xa-y-kien/admin/news/comments/{id}/approve", []);
        var afterModeration = await Factory.CreateClient().GetStringAsync(article);

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Thư điện tử không hợp lệ.", invalidHtml);
        Assert.Contains("Vui lòng nhập tiêu đề.", invalidHtml);
        Assert.Contains("value=\"Nguyễn Văn Bình\"", invalidHtml);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.DoesNotContain("Đề nghị mở rộng bãi đỗ xe", beforeModeration);
        Assert.Contains("Đề nghị mở rộng bãi đỗ xe", queue);
        Assert.DoesNotContain("Quảng cáo", queue);
        Assert.Contains("Đề nghị mở rộng bãi đỗ xe", afterModeration);
        Assert.DoesNotContain("binh@example.vn", afterModeration);
    }

    [GeneratedRegex(@"/admin/news/comments/(\d+)/approve")]
    private static partial Regex CommentId();

    [Fact]
    public async Task Bulk_actions_move_the_articles_allowed_and_skip_the_rest()
    {
        var (reporter, _, head) = await BoardAsync("xa-hang-loat");
        var ids = new List<string>();
        foreach (var title in new[] { "Bài một", "Bài hai", "Bài ba" })
        {
            var created = await reporter.PostFormAsync("/xa-hang-loat/admin/news/create", "/xa-hang-loat/admin/news/create", new() { ["Title"] = title, ["Category"] = "thong-bao" });
            ids.Add(created.Headers.Location!.ToString().Split('/').Last());
        }

        var submit = new List<KeyValuePair<string, string>> { new("operation", "submit"), new("__RequestVerificationToken", await reporter.TokenAsync("/xa-hang-loat/admin/contents?type=news")) };
        submit.AddRange(ids.Take(2).Select(id => new KeyValuePair<string, string>("ids", id)));
        await reporter.Http.PostAsync("/xa-hang-loat/admin/news/bulk", new FormUrlEncodedContent(submit));
        var approve = new List<KeyValuePair<string, string>> { new("operation", "approve"), new("__RequestVerificationToken", await head.TokenAsync("/xa-hang-loat/admin/contents?type=news")) };
        approve.AddRange(ids.Select(id => new KeyValuePair<string, string>("ids", id)));
        await head.Http.PostAsync("/xa-hang-loat/admin/news/bulk", new FormUrlEncodedContent(approve));
        var list = await head.Http.GetStringAsync("/xa-hang-loat/admin/contents?type=news&state=Approved");

        Assert.Contains("Bài một", list);
        Assert.Contains("Bài hai", list);
        Assert.DoesNotContain("Bài ba", list);
        Assert.Contains("bỏ qua 1 tin bài", list);
    }

    [GeneratedRegex(@"(\d+) lượt xem")]
    private static partial Regex ViewCount();
}
