using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Contents;

/// <summary>The kernel's content lifecycle, the same for every content type, on both providers.</summary>
public abstract class ContentLifecycleTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private static readonly ContentActor Reporter = new("u-reporter", "phong-vien", "10.0.0.1");
    private static readonly ContentActor Editor = new("u-editor", "bien-tap", "10.0.0.2");
    private static readonly ContentActor Head = new("u-head", "truong-ban", "10.0.0.3");

    private PortalFactory Factory => fixture.Factory;

    private async Task<T> InSiteAsync<T>(Tenant tenant, Func<ContentManager, Task<T>> work)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(tenant);
        return await work(scope.ServiceProvider.GetRequiredService<ContentManager>());
    }

    private static ContentDraft Draft(string title, string body = "<p>x</p>") =>
        new(title, Portal.Core.Text.Slugs.FromTitle(title), $$"""{"body":"{{body}}"}""");

    [Fact]
    public async Task An_id_already_used_by_another_item_even_a_deleted_one_is_refused_and_a_news_import_does_not_overwrite_another_type()
    {
        var site = await Factory.ProvisionAsync("xa-ma-trung");
        await InSiteAsync(site, m => m.CreateAsync("procedure", Draft("Thủ tục có mã riêng"), Reporter, "ma-rieng"));
        await InSiteAsync(site, m => m.CreateAsync("news", Draft("Tin sẽ xóa"), Reporter, "ma-da-xoa"));
        await InSiteAsync(site, async m => { await m.DeleteAsync("ma-da-xoa", Reporter); return true; });

        await Assert.ThrowsAsync<ContentWorkflowException>(() => InSiteAsync(site, m => m.CreateAsync("news", Draft("Tin khác"), Reporter, "ma-rieng")));
        await Assert.ThrowsAsync<ContentWorkflowException>(() => InSiteAsync(site, m => m.CreateAsync("news", Draft("Tin mới"), Reporter, "ma-da-xoa")));
        var recipe = Portal.Core.Recipes.RecipeParser.Parse("""
            { "name": "ghi-de", "steps": [ { "name": "content", "items": [
              { "type": "news", "id": "ma-rieng", "published": true, "fields": { "title": "Tin ghi đè thủ tục", "category": "thong-bao" } } ] } ] }
            """, "ghi-de.recipe.json");
        var overwrite = await Assert.ThrowsAsync<Portal.Core.Recipes.RecipeException>(() => Factory.Service<TenantManager>().RunRecipeAsync(site.Name, recipe));
        var procedure = await InSiteAsync(site, m => m.LatestAsync("ma-rieng"));

        Assert.Equal("Recipe 'ghi-de': step 1 (content): Mã ma-rieng đã dùng cho một nội dung loại khác trên trang; không nhập đè.", overwrite.Message);
        Assert.Equal("procedure", procedure!.ContentType);
        Assert.Equal("Thủ tục có mã riêng", procedure.Title);
    }

    [Fact]
    public async Task Items_written_before_the_category_column_get_their_category_from_their_data()
    {
        var site = await Factory.ProvisionAsync("xa-danh-muc-cu");
        var item = await InSiteAsync(site, m => m.CreateAsync("news", new ContentDraft("Tin cũ", "tin-cu", """{"category":"thong-bao","body":"x"}"""), Reporter));
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        var db = scope.ServiceProvider.GetRequiredService<Portal.Core.Persistence.PortalDbContext>();
        await db.Database.ExecuteSqlAsync($"""UPDATE "ContentItems" SET "Category" = '' WHERE "ContentItemId" = {item.ContentItemId}""");

        // The same SQL the News migration runs on an upgraded database, on this provider.
        var migration = new Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder(db.Database.ProviderName);
        Portal.Core.Persistence.MigrationExtensions.BackfillContentCategory(migration, "news", "category");
        foreach (var sql in migration.Operations.OfType<Microsoft.EntityFrameworkCore.Migrations.Operations.SqlOperation>())
        {
            await db.Database.ExecuteSqlRawAsync(sql.Sql);
        }

        var category = await db.Set<ContentItem>().Where(c => c.ContentItemId == item.ContentItemId).Select(c => c.Category).SingleAsync();
        Assert.Equal("thong-bao", category);
    }

    [Fact]
    public async Task A_draft_goes_through_review_to_publication_and_every_step_is_audited()
    {
        var site = await Factory.ProvisionAsync("xa-quy-trinh");
        var id = (await InSiteAsync(site, m => m.CreateAsync("news", Draft("Hội nghị tổng kết"), Reporter))).ContentItemId;

        await InSiteAsync(site, m => m.SubmitAsync(id, Reporter));
        await InSiteAsync(site, m => m.SaveAsync(id, Draft("Hội nghị tổng kết năm 2026"), Editor));
        await InSiteAsync(site, m => m.ApproveAsync(id, Head));
        var published = await InSiteAsync(site, m => m.PublishAsync(id, Head));
        var audit = await InSiteAsync(site, m => m.AuditAsync(id));

        Assert.Equal(ContentState.Published, published.State);
        Assert.True(published.Published);
        Assert.Equal(2, published.Version);
        Assert.Equal("phong-vien", published.AuthorName);
        Assert.Equal(["Created", "Submitted", "Edited", "Approved", "Published"], audit.Select(a => a.Action).Reverse());
        Assert.Equal("10.0.0.3", audit[0].RemoteAddress);
        Assert.NotNull(await InSiteAsync(site, m => m.PublishedAsync("news", "hoi-nghi-tong-ket-nam-2026")));
    }

    [Fact]
    public async Task Editing_a_published_item_keeps_the_published_version_public_until_the_new_one_is_published()
    {
        var site = await Factory.ProvisionAsync("xa-phien-ban");
        var id = (await InSiteAsync(site, m => m.CreateAsync("news", Draft("Bản một"), Reporter))).ContentItemId;
        await InSiteAsync(site, m => m.ForcePublishAsync(id, Head, "Tin khẩn"));

        var draft = await InSiteAsync(site, m => m.SaveAsync(id, Draft("Bản một", "<p>sửa</p>"), Editor));
        var stillPublic = await InSiteAsync(site, m => m.PublishedAsync("news", "ban-mot"));

        Assert.Equal(ContentState.Draft, draft.State);
        Assert.Equal(1, stillPublic!.Version);
        Assert.Contains("x", stillPublic.Data);
        var versions = await InSiteAsync(site, m => m.VersionsAsync(id));
        Assert.Equal([2, 1], versions.Select(v => v.Version));
    }

    [Fact]
    public async Task Restoring_an_old_version_makes_a_new_draft_with_its_content()
    {
        var site = await Factory.ProvisionAsync("xa-khoi-phuc");
        var id = (await InSiteAsync(site, m => m.CreateAsync("news", Draft("Tiêu đề cũ"), Reporter))).ContentItemId;
        await InSiteAsync(site, m => m.SaveAsync(id, Draft("Tiêu đề mới"), Editor));

        var restored = await InSiteAsync(site, m => m.RestoreAsync(id, 1, Editor));

        Assert.Equal(3, restored.Version);
        Assert.Equal("Tiêu đề cũ", restored.Title);
        Assert.Equal(ContentState.Draft, restored.State);
    }

    [Fact]
    public async Task Force_publishing_needs_a_reason_and_is_flagged()
    {
        var site = await Factory.ProvisionAsync("xa-khan");
        var id = (await InSiteAsync(site, m => m.CreateAsync("news", Draft("Thông báo khẩn"), Reporter))).ContentItemId;

        var withoutReason = await Assert.ThrowsAsync<ContentWorkflowException>(() => InSiteAsync(site, m => m.ForcePublishAsync(id, Head, " ")));
        var skipReview = await Assert.ThrowsAsync<ContentWorkflowException>(() => InSiteAsync(site, m => m.PublishAsync(id, Head)));
        await InSiteAsync(site, m => m.ForcePublishAsync(id, Head, "Thông báo mưa lũ"));
        var audit = await InSiteAsync(site, m => m.AuditAsync(id));

        Assert.Contains("lý do", withoutReason.Message);
        Assert.Contains("bản nháp", skipReview.Message);
        Assert.Equal("ForcePublished", audit[0].Action);
        Assert.Equal("Thông báo mưa lũ", audit[0].Reason);
    }

    [Fact]
    public async Task A_scheduled_item_is_published_when_its_time_comes_and_not_before()
    {
        var site = await Factory.ProvisionAsync("xa-hen-gio");
        var id = (await InSiteAsync(site, m => m.CreateAsync("news", Draft("Lịch cắt điện"), Reporter))).ContentItemId;
        await InSiteAsync(site, m => m.SubmitAsync(id, Reporter));
        await InSiteAsync(site, m => m.ApproveAsync(id, Head));
        var at = DateTime.UtcNow.AddMinutes(10);
        var scheduled = await InSiteAsync(site, m => m.PublishAsync(id, Head, at));
        Assert.Equal(ContentState.Scheduled, scheduled.State);
        Assert.Null(await InSiteAsync(site, m => m.PublishedAsync("news", "lich-cat-dien")));

        // The site's publisher on a fake clock, called here: the host's 20-second loop runs on the
        // real clock, for which the item is not due for ten minutes, so nothing races this test.
        // (A second past the time: PostgreSQL keeps microseconds and may round the stored time up.)
        var early = await PublishDueAtAsync(site, at.AddMinutes(-1));
        var stillScheduled = await InSiteAsync(site, m => m.PublishedAsync("news", "lich-cat-dien"));
        var due = await PublishDueAtAsync(site, at.AddSeconds(1));
        var again = await PublishDueAtAsync(site, at.AddMinutes(1));
        var published = await InSiteAsync(site, m => m.PublishedAsync("news", "lich-cat-dien"));
        var audit = await InSiteAsync(site, m => m.AuditAsync(id));

        Assert.Equal(0, early);
        Assert.Null(stillScheduled);
        Assert.Equal(1, due);
        Assert.Equal(0, again);
        Assert.NotNull(published);
        Assert.Equal(ContentState.Published, published.State);
        Assert.Null(published.ScheduledUtc);
        Assert.Equal(at.AddSeconds(1), published.PublishedUtc!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Single(audit, e => e.Action == "Published" && e.Reason == "lịch đăng");
    }

    private async Task<int> PublishDueAtAsync(Tenant site, DateTime utcNow)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        var clock = new FixedClock(new DateTimeOffset(utcNow, TimeSpan.Zero));
        return await ActivatorUtilities.CreateInstance<ContentManager>(scope.ServiceProvider, (TimeProvider)clock).PublishDueAsync();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Unpublish_archive_and_delete_take_an_item_off_the_site()
    {
        var site = await Factory.ProvisionAsync("xa-go-bai");
        var a = (await InSiteAsync(site, m => m.CreateAsync("news", Draft("Bài gỡ"), Reporter))).ContentItemId;
        var b = (await InSiteAsync(site, m => m.CreateAsync("news", Draft("Bài xóa"), Reporter))).ContentItemId;
        await InSiteAsync(site, m => m.ForcePublishAsync(a, Head, "x"));
        await InSiteAsync(site, m => m.ForcePublishAsync(b, Head, "x"));

        await InSiteAsync(site, m => m.UnpublishAsync(a, Head));
        await InSiteAsync(site, async m => { await m.DeleteAsync(b, Head); return 0; });

        Assert.Null(await InSiteAsync(site, m => m.PublishedAsync("news", "bai-go")));
        Assert.Null(await InSiteAsync(site, m => m.PublishedAsync("news", "bai-xoa")));
        Assert.Null(await InSiteAsync(site, m => m.LatestAsync(b)));
        await Assert.ThrowsAsync<ContentWorkflowException>(() => InSiteAsync(site, m => m.ApproveAsync(a, Head)));
    }

    [Fact]
    public async Task Slugs_are_unique_per_site_and_culture_but_free_across_sites()
    {
        var one = await Factory.ProvisionAsync("xa-slug-1");
        var two = await Factory.ProvisionAsync("xa-slug-2");
        await InSiteAsync(one, m => m.CreateAsync("news", Draft("Trùng tên"), Reporter));

        var clash = await Assert.ThrowsAsync<ContentWorkflowException>(() => InSiteAsync(one, m => m.CreateAsync("news", Draft("Trùng tên"), Reporter)));
        var otherSite = await InSiteAsync(two, m => m.CreateAsync("news", Draft("Trùng tên"), Reporter));
        var english = await InSiteAsync(one, m => m.CreateAsync("news", Draft("Trùng tên") with { Culture = "en" }, Reporter));

        Assert.Contains("đã được dùng", clash.Message);

        // A slug still public under an older version stays taken while a draft renames the item.
        var renamed = (await InSiteAsync(one, m => m.CreateAsync("news", Draft("Tên cũ"), Reporter))).ContentItemId;
        await InSiteAsync(one, m => m.ForcePublishAsync(renamed, Head, "x"));
        await InSiteAsync(one, m => m.SaveAsync(renamed, Draft("Tên mới"), Editor));
        await Assert.ThrowsAsync<ContentWorkflowException>(() => InSiteAsync(one, m => m.CreateAsync("news", Draft("Tên cũ"), Reporter)));
        Assert.Equal(1, otherSite.Version);
        Assert.Equal("en", english.Culture);
        Assert.Null(await InSiteAsync(two, m => m.LatestAsync(english.ContentItemId)));
    }
}

public sealed class ContentLifecycleTestsSqlite(SqliteFixture fixture) : ContentLifecycleTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class ContentLifecycleTestsPostgres(PostgresFixture fixture) : ContentLifecycleTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
