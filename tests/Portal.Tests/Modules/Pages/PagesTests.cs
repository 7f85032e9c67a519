using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Pages.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Pages;

/// <summary>
/// Static pages as content items of type <c>page</c>: every save a version with history in the
/// shared Contents admin, the workflow on the desk, publish and take-down reaching /trang/{slug}
/// past the output cache, and the recipes' content step idempotent by id. On both providers.
/// </summary>
public abstract class PagesTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    private async Task<(Tenant Site, AdminClient Admin)> SiteAsync(string name)
    {
        var site = await Factory.ProvisionAsync(name);
        await Factory.CreateSiteAdministratorAsync(site, $"qt-{name}", "Passw0rd-Q!");
        return (site, await AdminClient.SignedInAsync(Factory, $"qt-{name}", "Passw0rd-Q!", "/" + name));
    }

    /// <summary>Writes a page through the desk's form; returns its content item id.</summary>
    private async Task<string> CreatePageAsync(AdminClient admin, string prefix, string title, string slug, string body, bool publish)
    {
        // As the browser posts the form: the checkbox "public on save" is on by default.
        var fields = new Dictionary<string, string> { ["Title"] = title, ["Slug"] = slug, ["Body"] = body, ["Published"] = publish ? "true" : "false" };

        var created = await admin.PostFormAsync($"/{prefix}/admin/pages/create", $"/{prefix}/admin/pages/create", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.EndsWith($"/{prefix}/admin/pages", created.Headers.Location!.ToString()); // back to the list, as before
        var site = Factory.Service<TenantCatalog>().FindByName(prefix)!;
        return (await PagesOfAsync(site, slug)).Single(p => p.Latest && !p.Deleted).ContentItemId;
    }

    private async Task<List<ContentItem>> VersionsAsync(Tenant site, string id)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ContentItem>().AsNoTracking()
            .Where(c => c.ContentItemId == id).OrderBy(c => c.Version).ToListAsync();
    }

    private async Task<List<ContentItem>> PagesOfAsync(Tenant site, string slug)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ContentItem>().AsNoTracking()
            .Where(c => c.ContentType == "page" && c.Slug == slug).OrderBy(c => c.Id).ToListAsync();
    }

    private static string Body(ContentItem version) =>
        System.Text.Json.JsonDocument.Parse(version.Data).RootElement.GetProperty("body").GetString() ?? "";

    private string WriteRecipe(string json)
    {
        var path = Path.Combine(Factory.Database.DataPath, Guid.NewGuid().ToString("N")[..8] + ".recipe.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task A_page_edit_is_a_new_version_with_history_diff_and_restore_in_the_contents_admin()
    {
        var (site, admin) = await SiteAsync("xa-trang-ls");
        var id = await CreatePageAsync(admin, site.Name, "Lịch tiếp công dân", "lich-tiep-cong-dan", "<p>Thứ Hai</p>", publish: true);
        var edit = $"/{site.Name}/admin/pages/{id}";

        var saved = await admin.PostFormAsync(edit, edit, new() { ["Title"] = "Lịch tiếp công dân", ["Slug"] = "lich-tiep-cong-dan", ["Body"] = "<p>Thứ Năm</p>", ["Published"] = "true" });
        var list = await admin.Http.GetStringAsync($"/{site.Name}/admin/contents?type=page");
        var history = WebUtility.HtmlDecode(await admin.Http.GetStringAsync($"/{site.Name}/admin/contents/{id}/history"));
        var diff = WebUtility.HtmlDecode(await admin.Http.GetStringAsync($"/{site.Name}/admin/contents/{id}/diff?from=1&to=2"));
        var restored = await admin.PostFormAsync($"/{site.Name}/admin/contents/{id}/history", $"/{site.Name}/admin/contents/{id}/restore/1", []);
        var versions = await VersionsAsync(site, id);
        var desk = WebUtility.HtmlDecode(await admin.Http.GetStringAsync(edit));
        var citizen = await Factory.CreateClient().GetStringAsync($"/{site.Name}/trang/lich-tiep-cong-dan");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Lịch tiếp công dân", WebUtility.HtmlDecode(list));
        Assert.Contains("Trang tĩnh", WebUtility.HtmlDecode(list));
        Assert.Contains("Lịch tiếp công dân", history);
        Assert.Contains("Nội dung", diff);
        Assert.Contains("Thứ Hai", diff);
        Assert.Contains("Thứ Năm", diff);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.Equal(ContentState.Draft, versions[^1].State);
        Assert.Equal("<p>Thứ Hai</p>", Body(versions[^1]));
        Assert.Contains("Thứ Hai", desk); // the desk opens the restored draft
        Assert.Contains("Thứ Năm", citizen); // citizens keep the published version until the draft is published
    }

    [Fact]
    public async Task Publish_and_take_down_reach_the_public_page_through_the_cache()
    {
        var (site, admin) = await SiteAsync("xa-trang-xb");
        var citizen = Factory.CreateClient();
        var id = await CreatePageAsync(admin, site.Name, "Quy chế tiếp dân", "quy-che-tiep-dan", "<p>Bản một</p>", publish: false);
        var edit = $"/{site.Name}/admin/pages/{id}";
        var address = $"/{site.Name}/trang/quy-che-tiep-dan";

        var whileDraft = await citizen.GetAsync(address);
        var draftDesk = await admin.Http.GetStringAsync(edit);
        await admin.PostFormAsync(edit, $"{edit}/force-publish", new() { ["reason"] = "Cần đăng ngay" });
        var first = await citizen.GetAsync(address);
        var cached = await citizen.GetAsync(address);

        // A draft over the published version: citizens keep the published one.
        await admin.PostFormAsync(edit, edit, new() { ["Title"] = "Quy chế tiếp dân", ["Slug"] = "quy-che-tiep-dan", ["Body"] = "<p>Bản hai</p>", ["Published"] = "false" });
        var overDraft = await citizen.GetStringAsync(address);
        var deskOverDraft = await admin.Http.GetStringAsync(edit);

        // Taking it down with the draft on top removes the public page at once, cache included.
        var takenDown = await admin.PostFormAsync(edit, $"{edit}/unpublish", []);
        var afterTakeDown = await citizen.GetAsync(address);
        var home = await citizen.GetStringAsync($"/{site.Name}/");
        var sitemap = await citizen.GetStringAsync($"/{site.Name}/sitemap.xml");

        // Saving with "public" ticked publishes the new version.
        await admin.PostFormAsync(edit, edit, new() { ["Title"] = "Quy chế tiếp công dân", ["Slug"] = "quy-che-tiep-dan", ["Body"] = "<p>Bản ba</p>", ["Published"] = "true" });
        var republished = await citizen.GetStringAsync(address);
        var homeAgain = await citizen.GetStringAsync($"/{site.Name}/");
        var sitemapAgain = await citizen.GetStringAsync($"/{site.Name}/sitemap.xml");

        Assert.Equal(HttpStatusCode.NotFound, whileDraft.StatusCode);
        Assert.Contains($"{edit}/submit", draftDesk);
        Assert.Contains($"{edit}/force-publish", draftDesk);
        Assert.DoesNotContain($"{edit}/unpublish", draftDesk);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Bản một", await first.Content.ReadAsStringAsync());
        Assert.True(cached.Headers.Contains("Age"), "the second anonymous request should come from the output cache");
        Assert.Contains("Bản một", overDraft);
        Assert.Contains($"{edit}/unpublish", deskOverDraft);
        Assert.Equal(HttpStatusCode.Redirect, takenDown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterTakeDown.StatusCode);
        Assert.DoesNotContain("/trang/quy-che-tiep-dan", home);
        Assert.DoesNotContain("/trang/quy-che-tiep-dan", sitemap);
        Assert.Contains("Bản ba", republished);
        Assert.Contains("Quy chế tiếp công dân", WebUtility.HtmlDecode(homeAgain));
        Assert.Contains("/trang/quy-che-tiep-dan", sitemapAgain);
    }

    [Fact]
    public async Task The_desk_shows_each_workflow_step_as_it_becomes_possible_and_the_audit_records_them()
    {
        var (site, admin) = await SiteAsync("xa-trang-qt");
        await admin.PostFormAsync($"/{site.Name}/admin/users/add", $"/{site.Name}/admin/users/add", new() { ["UserName"] = "btv-xa-trang-qt", ["Password"] = "Passw0rd-E!", ["Role"] = "Editor" });
        await admin.PostFormAsync($"/{site.Name}/admin/users/add", $"/{site.Name}/admin/users/add", new() { ["UserName"] = "pv-xa-trang-qt", ["Password"] = "Passw0rd-R!", ["Role"] = "Reporter" });
        var editor = await AdminClient.SignedInAsync(Factory, "btv-xa-trang-qt", "Passw0rd-E!", "/" + site.Name);
        var reporter = await AdminClient.SignedInAsync(Factory, "pv-xa-trang-qt", "Passw0rd-R!", "/" + site.Name);
        var id = await CreatePageAsync(editor, site.Name, "Chức năng nhiệm vụ", "chuc-nang", "<p>Nội dung</p>", publish: false);
        var edit = $"/{site.Name}/admin/pages/{id}";

        var asDraft = await editor.Http.GetStringAsync(edit);
        await editor.PostFormAsync(edit, $"{edit}/submit", []);
        var asSubmitted = await editor.Http.GetStringAsync(edit);
        var approveTooEarly = await editor.PostFormAsync(edit, $"{edit}/publish", []);
        await editor.PostFormAsync(edit, $"{edit}/approve", []);
        var asApproved = await editor.Http.GetStringAsync(edit);
        await editor.PostFormAsync(edit, $"{edit}/publish", []);
        var asPublished = await editor.Http.GetStringAsync(edit);
        var reporterDesk = await reporter.Http.GetAsync(edit);
        var unknownStep = await editor.PostFormAsync(edit, $"{edit}/khong-co", []);
        var history = WebUtility.HtmlDecode(await editor.Http.GetStringAsync($"/{site.Name}/admin/contents/{id}/history"));

        Assert.Contains($"{edit}/submit", asDraft);
        Assert.DoesNotContain($"{edit}/approve", asDraft);
        Assert.Contains($"{edit}/approve", asSubmitted);
        Assert.Contains($"{edit}/return", asSubmitted);
        Assert.DoesNotContain($"action=\"{edit}/publish\"", asSubmitted);
        Assert.Equal(HttpStatusCode.Redirect, approveTooEarly.StatusCode); // refused by the operations table: back to the editor with the reason
        Assert.EndsWith(edit, approveTooEarly.Headers.Location!.ToString());
        Assert.Contains($"action=\"{edit}/publish\"", asApproved);
        Assert.Contains($"{edit}/unpublish", asPublished);
        Assert.DoesNotContain($"{edit}/submit", asPublished);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateClient().GetAsync($"/{site.Name}/trang/chuc-nang")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reporterDesk.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownStep.StatusCode);
        foreach (var action in new[] { "Created", "Submitted", "Approved", "Published" })
        {
            Assert.Contains(action, history);
        }
    }

    [Fact]
    public async Task The_desk_opens_pages_only_and_asks_before_a_soft_delete()
    {
        var (site, admin) = await SiteAsync("xa-trang-xoa");
        var news = await admin.PostFormAsync($"/{site.Name}/admin/news/create", $"/{site.Name}/admin/news/create", new() { ["Title"] = "Một tin bài", ["Category"] = "thong-bao" });
        var newsId = news.Headers.Location!.ToString().Split('/').Last();
        var id = await CreatePageAsync(admin, site.Name, "Sẽ xóa", "se-xoa", "<p>x</p>", publish: true);

        var newsOnDesk = await admin.Http.GetAsync($"/{site.Name}/admin/pages/{newsId}");
        var newsPost = await admin.PostFormAsync($"/{site.Name}/admin/pages/{id}", $"/{site.Name}/admin/pages/{newsId}", new() { ["Title"] = "Ghi đè", ["Slug"] = "ghi-de" });
        var badId = await admin.Http.GetAsync($"/{site.Name}/admin/pages/{Uri.EscapeDataString("a b")}");
        var confirm = await admin.Http.GetStringAsync($"/{site.Name}/admin/pages/{id}/delete");
        var deleted = await admin.PostFormAsync($"/{site.Name}/admin/pages/{id}/delete", $"/{site.Name}/admin/pages/{id}/delete", []);
        var list = await admin.Http.GetStringAsync($"/{site.Name}/admin/contents?type=page");
        var versions = await VersionsAsync(site, id);

        Assert.Equal(HttpStatusCode.NotFound, newsOnDesk.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, newsPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badId.StatusCode);
        Assert.Contains("Thao tác này không thể hoàn tác", confirm);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync($"/{site.Name}/trang/se-xoa")).StatusCode);
        Assert.DoesNotContain($"/admin/pages/{id}", list);
        Assert.All(versions, v => Assert.True(v.Deleted)); // soft delete: the versions stay
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/{site.Name}/admin/pages/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_editor_forms_carry_their_own_antiforgery_token()
    {
        var (site, admin) = await SiteAsync("xa-trang-token");
        var id = await CreatePageAsync(admin, site.Name, "Có mã chống giả mạo", "co-ma", "<p>a</p>", publish: false);

        // A browser posts only the form's own fields: a token elsewhere on the page (the sign-out form) does not help.
        foreach (var (form, action) in new[] { ($"/{site.Name}/admin/pages/create", $"/{site.Name}/admin/pages/create"), ($"/{site.Name}/admin/pages/{id}", $"/{site.Name}/admin/pages/{id}") })
        {
            var html = await admin.Http.GetStringAsync(form);
            var start = html.IndexOf($"action=\"{action}\"", StringComparison.Ordinal);
            Assert.True(start >= 0, $"no form posting to {action}");
            Assert.Contains("__RequestVerificationToken", html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)]);
        }
    }

    [Fact]
    public async Task A_taken_slug_is_shown_beside_the_field()
    {
        var (site, admin) = await SiteAsync("xa-trang-trung");
        await CreatePageAsync(admin, site.Name, "Liên hệ cũ", "lien-he-cu", "<p>a</p>", publish: false);

        var response = await admin.PostFormAsync($"/{site.Name}/admin/pages/create", $"/{site.Name}/admin/pages/create", new() { ["Title"] = "Liên hệ mới", ["Slug"] = "lien-he-cu", ["Body"] = "<p>b</p>" });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đường dẫn \"lien-he-cu\" đã được dùng cho trang khác.", html);
        Assert.Contains("Liên hệ mới", html);
    }

    [Fact]
    public async Task The_recipe_content_step_is_idempotent_by_id_and_goes_through_the_lifecycle()
    {
        var (site, admin) = await SiteAsync("xa-trang-ct");
        var manager = Factory.Service<TenantManager>();
        var catalog = Factory.Service<RecipeCatalog>();
        string Recipe(string body, bool published) => WriteRecipe($$"""
            { "name": "trang", "steps": [ { "name": "content", "items": [
              { "type": "page", "id": "quy-trinh", "published": {{(published ? "true" : "false")}}, "fields": { "title": "Quy trình tiếp nhận", "slug": "quy-trinh-tiep-nhan", "body": "{{body}}" } } ] } ] }
            """);
        var address = $"/{site.Name}/trang/quy-trinh-tiep-nhan";
        var first = catalog.Find(Recipe("<p>Một cửa</p><script>alert(1)</script>", true));

        await manager.RunRecipeAsync(site.Name, first);
        var afterOne = await VersionsAsync(site, "quy-trinh");
        await manager.RunRecipeAsync(site.Name, first);
        var afterTwo = await VersionsAsync(site, "quy-trinh");
        var page = await Factory.CreateClient().GetStringAsync(address);

        await manager.RunRecipeAsync(site.Name, catalog.Find(Recipe("<p>Một cửa liên thông</p>", true)));
        var changed = await VersionsAsync(site, "quy-trinh");
        var changedPage = await Factory.CreateClient().GetStringAsync(address);

        var hidden = catalog.Find(Recipe("<p>Một cửa liên thông</p>", false));
        await manager.RunRecipeAsync(site.Name, hidden);
        var hiddenResponse = await Factory.CreateClient().GetAsync(address);
        var afterHide = await VersionsAsync(site, "quy-trinh");
        await manager.RunRecipeAsync(site.Name, hidden);
        var afterHideAgain = await VersionsAsync(site, "quy-trinh");

        Assert.Single(afterOne);
        Assert.True(afterOne[0].Published);
        Assert.Equal("<p>Một cửa</p>", Body(afterOne[0]));
        Assert.Equal(afterOne.Select(v => (v.Version, v.State, v.ModifiedUtc)), afterTwo.Select(v => (v.Version, v.State, v.ModifiedUtc)));
        Assert.Contains("Một cửa", page);
        Assert.DoesNotContain("alert(", page);
        Assert.Equal(2, changed.Count);
        Assert.True(changed[1].Published);
        Assert.Contains("Một cửa liên thông", changedPage);
        Assert.Equal(HttpStatusCode.NotFound, hiddenResponse.StatusCode);
        Assert.DoesNotContain(afterHide, v => v.Published);
        Assert.Equal(afterHide.Select(v => (v.Version, v.State, v.ModifiedUtc)), afterHideAgain.Select(v => (v.Version, v.State, v.ModifiedUtc)));
        Assert.Contains("Quy trình tiếp nhận", WebUtility.HtmlDecode(await admin.Http.GetStringAsync($"/{site.Name}/admin/contents?type=page")));
    }

    [Fact]
    public async Task The_required_pages_come_back_once_after_an_editor_deleted_one_and_a_page_written_first_is_taken_over()
    {
        var (site, admin) = await SiteAsync("xa-trang-bb");
        var required = Factory.Service<RecipeCatalog>().Find("required-pages");
        var manager = Factory.Service<TenantManager>();
        await admin.PostFormAsync($"/{site.Name}/admin/pages/lien-he/delete", $"/{site.Name}/admin/pages/lien-he/delete", []);
        var gone = await Factory.CreateClient().GetAsync($"/{site.Name}/trang/lien-he");

        await manager.RunRecipeAsync(site.Name, required!);
        var back = await PagesOfAsync(site, "lien-he");
        await manager.RunRecipeAsync(site.Name, required!);
        var again = await PagesOfAsync(site, "lien-he");

        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateClient().GetAsync($"/{site.Name}/trang/lien-he")).StatusCode);
        var live = Assert.Single(back, v => !v.Deleted);
        Assert.NotEqual("lien-he", live.ContentItemId); // the deleted item keeps its id and history
        Assert.Equal(back.Select(v => (v.Id, v.Version, v.ModifiedUtc)), again.Select(v => (v.Id, v.Version, v.ModifiedUtc)));

        // A page an editor wrote under a slug a recipe later brings is updated, not duplicated.
        var own = await CreatePageAsync(admin, site.Name, "Bảng giá", "bang-gia", "<p>Cũ</p>", publish: true);
        var rollout = Factory.Service<RecipeCatalog>().Find(WriteRecipe("""
            { "name": "bang-gia", "steps": [ { "name": "content", "items": [ { "type": "page", "id": "bang-gia-dich-vu", "fields": { "title": "Bảng giá", "slug": "bang-gia", "body": "<p>Mới</p>" } } ] } ] }
            """));
        await manager.RunRecipeAsync(site.Name, rollout);
        await manager.RunRecipeAsync(site.Name, rollout);

        var taken = await PagesOfAsync(site, "bang-gia");
        Assert.All(taken, v => Assert.Equal(own, v.ContentItemId));
        Assert.Equal(2, taken.Count);
        Assert.Contains("Mới", await Factory.CreateClient().GetStringAsync($"/{site.Name}/trang/bang-gia"));
    }

    [Fact]
    public async Task A_page_ensured_by_setup_is_created_once_published_and_never_over_an_existing_one()
    {
        var (site, _) = await SiteAsync("xa-trang-ensure");
        var lienHeBefore = await PagesOfAsync(site, "lien-he");
        for (var run = 0; run < 2; run++)
        {
            await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
            var writer = scope.ServiceProvider.GetRequiredService<Portal.Pages.Services.PageWriter>();
            await writer.EnsureAsync("so-do-trang", "Sơ đồ trang", "<p>Sơ đồ</p><script>x()</script>", CancellationToken.None);
            await writer.EnsureAsync("lien-he", "Liên hệ khác", "<p>Không ghi đè</p>", CancellationToken.None);
        }

        var ensured = Assert.Single(await PagesOfAsync(site, "so-do-trang"));
        Assert.Equal(("so-do-trang", 1, true, ContentState.Published, "system"), (ensured.ContentItemId, ensured.Version, ensured.Published, ensured.State, ensured.AuthorId));
        Assert.Equal("<p>Sơ đồ</p>", Body(ensured));
        Assert.Equal(lienHeBefore.Select(v => (v.Id, v.Version)), (await PagesOfAsync(site, "lien-he")).Select(v => (v.Id, v.Version)));
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateClient().GetAsync($"/{site.Name}/trang/so-do-trang")).StatusCode);
    }

    [Fact]
    public async Task An_import_id_of_another_type_is_refused()
    {
        var (site, admin) = await SiteAsync("xa-trang-loai");
        var news = await admin.PostFormAsync($"/{site.Name}/admin/news/create", $"/{site.Name}/admin/news/create", new() { ["Title"] = "Tin có mã", ["Category"] = "thong-bao" });
        var newsId = news.Headers.Location!.ToString().Split('/').Last();
        var recipe = Factory.Service<RecipeCatalog>().Find(WriteRecipe($$"""
            { "name": "ghi-de", "steps": [ { "name": "content", "items": [ { "type": "page", "id": "{{newsId}}", "fields": { "title": "Ghi đè tin" } } ] } ] }
            """));

        await Assert.ThrowsAsync<RecipeException>(() => Factory.Service<TenantManager>().RunRecipeAsync(site.Name, recipe));

        var versions = await VersionsAsync(site, newsId);
        Assert.All(versions, v => Assert.Equal("news", v.ContentType));
        Assert.DoesNotContain(versions, v => v.Title == "Ghi đè tin");
    }

    [Fact]
    public async Task Public_pages_read_the_projection_of_the_published_version()
    {
        var (site, admin) = await SiteAsync("xa-trang-bang");
        var id = await CreatePageAsync(admin, site.Name, "Sơ đồ", "so-do", "<p>Sơ đồ tổ chức</p>", publish: true);

        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        var row = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PublishedPage>().AsNoTracking().SingleAsync(p => p.ContentItemId == id);

        Assert.Equal("so-do", row.Slug);
        Assert.Equal("Sơ đồ", row.Title);
        Assert.Equal("<p>Sơ đồ tổ chức</p>", row.Body);
        Assert.Equal(DateTimeKind.Utc, row.UpdatedUtc.Kind);
    }
}

public sealed class PagesTestsSqlite(SqliteFixture fixture) : PagesTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class PagesTestsPostgres(PostgresFixture fixture) : PagesTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
