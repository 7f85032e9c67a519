using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.News.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Contents;

/// <summary>
/// The defects the desks' copies of the kernel's job had (issue #9), each through the way a user
/// meets it, on both providers. Each of these failed before the kernel took the job back.
/// </summary>
public abstract class ContentKernelDefectTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private static readonly ContentActor Clerk = new("u-clerk", "van-thu", "10.0.0.9");

    private PortalFactory Factory => fixture.Factory;

    private async Task<(Tenant Site, AdminClient Editor, AdminClient Head)> BoardAsync(string prefix)
    {
        var site = await Factory.ProvisionAsync(prefix);
        await Factory.CreateSiteAdministratorAsync(site, $"qt-{prefix}", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, $"qt-{prefix}", "Passw0rd-Q!", "/" + prefix);
        foreach (var (user, role) in new[] { ($"btv-{prefix}", "Editor"), ($"tb-{prefix}", "Approver") })
        {
            await admin.PostFormAsync($"/{prefix}/admin/users/add", $"/{prefix}/admin/users/add", new() { ["UserName"] = user, ["Password"] = "Passw0rd-B!", ["Role"] = role });
        }

        return (site, await AdminClient.SignedInAsync(Factory, $"btv-{prefix}", "Passw0rd-B!", "/" + prefix), await AdminClient.SignedInAsync(Factory, $"tb-{prefix}", "Passw0rd-B!", "/" + prefix));
    }

    private async Task<T> InSiteAsync<T>(Tenant site, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        return await work(scope.ServiceProvider);
    }

    private Task RunRecipeAsync(Tenant site, string json) =>
        Factory.Service<TenantManager>().RunRecipeAsync(site.Name, RecipeParser.Parse(json, "test.recipe.json"));

    [Fact]
    public async Task The_news_desk_opens_and_saves_only_news_never_a_legal_document_under_the_same_address()
    {
        var (site, editor, _) = await BoardAsync("xa-ld-loai");
        var document = await InSiteAsync(site, sp => sp.GetRequiredService<ContentManager>().CreateAsync("legal-document", new ContentDraft("Quyết định 1/QĐ-UBND", "1-qd-ubnd", """{"number":"1/QĐ-UBND"}"""), Clerk));
        var desk = $"/xa-ld-loai/admin/news/{document.ContentItemId}";

        var open = await editor.Http.GetAsync(desk);
        var save = await editor.PostFormAsync("/xa-ld-loai/admin/news/create", desk, new() { ["Title"] = "Ghi đè bằng tin", ["Category"] = "thong-bao" });
        var step = await editor.PostFormAsync("/xa-ld-loai/admin/news/create", $"{desk}/submit", []);
        var after = await InSiteAsync(site, sp => sp.GetRequiredService<ContentManager>().LatestAsync("legal-document", document.ContentItemId));

        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, step.StatusCode);
        Assert.Equal((1, "Quyết định 1/QĐ-UBND", ContentState.Draft), (after!.Version, after.Title, after.State));
    }

    [Fact]
    public async Task Importing_a_changed_published_article_as_unpublished_takes_it_down()
    {
        var (site, _, _) = await BoardAsync("xa-ld-go");
        const string Recipe = """
            { "name": "tin", "steps": [ { "name": "content", "items": [
              { "type": "news", "id": "tin-go", "published": PUBLISHED, "fields": { "title": "TITLE", "category": "thong-bao" } } ] } ] }
            """;
        await RunRecipeAsync(site, Recipe.Replace("PUBLISHED", "true").Replace("TITLE", "Lịch tiếp dân tháng 12"));
        var before = await Factory.CreateClient().GetAsync("/xa-ld-go/tin-tuc/thong-bao/lich-tiep-dan-thang-12");

        await RunRecipeAsync(site, Recipe.Replace("PUBLISHED", "false").Replace("TITLE", "Lịch tiếp dân tháng 12 (hoãn)"));
        var after = await Factory.CreateClient().GetAsync("/xa-ld-go/tin-tuc/thong-bao/lich-tiep-dan-thang-12");
        var published = await InSiteAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<ContentItem>().CountAsync(c => c.ContentItemId == "tin-go" && c.Published));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(0, published);
    }

    [Fact]
    public async Task A_schedule_at_the_start_of_the_calendar_is_a_message_for_the_editor_not_a_server_error()
    {
        var (_, _, head) = await BoardAsync("xa-ld-gio");
        var created = await head.PostFormAsync("/xa-ld-gio/admin/news/create", "/xa-ld-gio/admin/news/create", new() { ["Title"] = "Tin hẹn giờ sai", ["Category"] = "thong-bao" });
        var edit = created.Headers.Location!.ToString();
        await head.PostFormAsync(edit, $"{edit}/submit", []);
        await head.PostFormAsync(edit, $"{edit}/approve", []);

        var early = await head.PostFormAsync(edit, $"{edit}/publish", new() { ["publishAt"] = "0001-01-01T00:00" });
        var garbled = await head.PostFormAsync(edit, $"{edit}/publish", new() { ["publishAt"] = "không phải ngày" });
        var page = System.Net.WebUtility.HtmlDecode(await head.Http.GetStringAsync(edit));

        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, garbled.StatusCode);
        Assert.Contains("Thời điểm hẹn giờ", page);
        Assert.Contains("đã duyệt", page);
    }

    [Fact]
    public async Task Restoring_an_old_version_in_the_shared_admin_needs_the_types_publish_permission()
    {
        var (_, editor, head) = await BoardAsync("xa-ld-kp");
        var created = await editor.PostFormAsync("/xa-ld-kp/admin/news/create", "/xa-ld-kp/admin/news/create", new() { ["Title"] = "Bản đầu", ["Category"] = "thong-bao" });
        var edit = created.Headers.Location!.ToString();
        var id = edit.Split('/')[^1];
        await editor.PostFormAsync(edit, edit, new() { ["Title"] = "Bản sửa", ["Category"] = "thong-bao" });
        var history = $"/xa-ld-kp/admin/contents/{id}/history";

        var editorHistory = await editor.Http.GetStringAsync(history);
        var byEditor = await editor.PostFormAsync(history, $"/xa-ld-kp/admin/contents/{id}/restore/1", []);
        var byHead = await head.PostFormAsync(history, $"/xa-ld-kp/admin/contents/{id}/restore/1", []);
        var headHistory = System.Net.WebUtility.HtmlDecode(await head.Http.GetStringAsync(history));

        Assert.DoesNotContain("/restore/", editorHistory);
        Assert.Contains("/admin/denied", byEditor.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, byHead.StatusCode);
        Assert.Contains("từ phiên bản 1", headHistory);
    }

    [Fact]
    public async Task A_failing_projection_rolls_the_publication_back()
    {
        var (site, _, _) = await BoardAsync("xa-ld-loi");
        var id = (await InSiteAsync(site, sp => sp.GetRequiredService<ContentManager>().CreateAsync("news", new ContentDraft("Tin lỗi chiếu", "tin-loi-chieu", """{"category":"thong-bao"}""") { Category = "thong-bao" }, Clerk))).ContentItemId;

        var failure = await Record.ExceptionAsync(() => InSiteAsync(site, sp =>
        {
            var handlers = sp.GetServices<IContentEventHandler>().Append(new FailingProjection()).ToList();
            var manager = ActivatorUtilities.CreateInstance<ContentManager>(sp, handlers);
            return manager.ForcePublishAsync(id, Clerk, "thử lỗi");
        }));
        var (item, projected) = await InSiteAsync(site, async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            return (await db.Set<ContentItem>().AsNoTracking().SingleAsync(c => c.ContentItemId == id), await db.Set<PublishedArticle>().AnyAsync(a => a.ContentItemId == id));
        });
        var page = await Factory.CreateClient().GetAsync("/xa-ld-loi/tin-tuc/thong-bao/tin-loi-chieu");

        Assert.Equal("projection failed", Assert.IsType<InvalidOperationException>(failure).Message);
        Assert.Equal((ContentState.Draft, false), (item.State, item.Published));
        Assert.False(projected);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    /// <summary>A projection that breaks after the news projection has written its row.</summary>
    private sealed class FailingProjection : IContentEventHandler
    {
        public Task PublishedAsync(ContentItem version, CancellationToken cancellationToken) => throw new InvalidOperationException("projection failed");
    }
}

public sealed class ContentKernelDefectTestsSqlite(SqliteFixture fixture) : ContentKernelDefectTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class ContentKernelDefectTestsPostgres(PostgresFixture fixture) : ContentKernelDefectTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
