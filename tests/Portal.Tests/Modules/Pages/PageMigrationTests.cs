using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Contents;
using Portal.Core.Modules;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Pages.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Pages;

/// <summary>
/// The migration that turns the old <c>Pages</c> rows into content items, run for real: a fresh
/// database is migrated to the version before it, old-shaped rows are written, and then the
/// server starts on it (migrating the rest and setting up the province, whose recipe imports the
/// required pages by id). Every migrated address answers as before. On SQLite and PostgreSQL.
/// </summary>
public abstract class PageMigrationTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private const string Migration = "20261122001300_Pages_ContentItems";

    private static readonly DateTime Created = new(2026, 1, 5, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Updated = new(2026, 2, 10, 8, 0, 0, DateTimeKind.Utc);

    // Exactly what recipes/required-pages.recipe.json writes for the default site "Tỉnh An Hòa".
    private const string RequiredIntroduction = "<p>Tỉnh An Hòa: thông tin chính thức về tổ chức, hoạt động chỉ đạo, điều hành, văn bản và thủ tục hành chính.</p>";

    [Fact]
    public async Task Old_pages_become_content_items_in_place_and_keep_their_addresses()
    {
        using var database = await TestDatabase.CreateAsync(fixture.Factory.Database.Provider);
        var oldIds = await SeedOldSchemaAsync(database);

        await using var portal = new PortalFactory(database);
        _ = portal.Server; // migrates the rest and sets up the province on the seeded database
        var citizen = portal.CreateClient();

        var page = await citizen.GetStringAsync("/trang/lich-tiep-dan");
        var statuses = new Dictionary<string, HttpStatusCode>();
        foreach (var slug in new[] { "ban-nhap", "nhap-tu-api", "trung-ma", "ma-dai", "ma-co-dau", "gioi-thieu", "lien-he" })
        {
            statuses[slug] = (await citizen.GetAsync("/trang/" + slug)).StatusCode;
        }

        var home = WebUtility.HtmlDecode(await citizen.GetStringAsync("/"));
        var sitemap = await citizen.GetStringAsync("/sitemap.xml");

        Assert.Contains("Lịch tiếp công dân", WebUtility.HtmlDecode(page));
        Assert.Contains("Thứ Năm hằng tuần", WebUtility.HtmlDecode(page));
        Assert.Contains("10/02/2026 15:00", page); // the old update time, in Vietnam's time
        Assert.Equal(HttpStatusCode.NotFound, statuses["ban-nhap"]);
        Assert.All(statuses.Where(s => s.Key != "ban-nhap"), s => Assert.Equal(HttpStatusCode.OK, s.Value));
        Assert.Contains("Lịch tiếp công dân", home);
        Assert.DoesNotContain("Bản nháp ẩn", home);
        Assert.Contains("/trang/lich-tiep-dan", sitemap);
        Assert.Contains("/trang/nhap-tu-api", sitemap);
        Assert.DoesNotContain("/trang/ban-nhap", sitemap);

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var items = await db.Set<ContentItem>().IgnoreQueryFilters().AsNoTracking().Where(c => c.ContentType == "page").ToListAsync();
        var audit = await db.Set<ContentAuditEntry>().IgnoreQueryFilters().AsNoTracking().Where(a => a.Action == "Migrated").ToListAsync();
        ContentItem Only(int tenant, string slug) => Assert.Single(items, c => c.TenantId == tenant && c.Slug == slug);

        // Ids: the import id when usable and free on the site, otherwise page-{old id}.
        Assert.Equal($"page-{oldIds["lich-tiep-dan"]}", Only(1, "lich-tiep-dan").ContentItemId);
        Assert.Equal("api.trang-1", Only(1, "nhap-tu-api").ContentItemId);
        Assert.Equal($"page-{oldIds["trung-ma"]}", Only(1, "trung-ma").ContentItemId); // "trung-ma" is a news item of that site
        Assert.Equal("trung-ma", Only(2, "trung-ma").ContentItemId); // but free on the other site
        Assert.Equal($"page-{oldIds["ma-dai"]}", Only(1, "ma-dai").ContentItemId);
        Assert.Equal($"page-{oldIds["ma-co-dau"]}", Only(1, "ma-co-dau").ContentItemId);

        var migrated = Only(1, "lich-tiep-dan");
        Assert.Equal((1, true, true, ContentState.Published, "vi"), (migrated.Version, migrated.Latest, migrated.Published, migrated.State, migrated.Culture));
        Assert.Equal((Created, Updated), (migrated.CreatedUtc, migrated.ModifiedUtc));
        Assert.Equal("<p>Thứ Năm hằng tuần</p>", System.Text.Json.JsonDocument.Parse(migrated.Data).RootElement.GetProperty("body").GetString());
        var draft = Only(1, "ban-nhap");
        Assert.Equal((ContentState.Draft, false), (draft.State, draft.Published));

        // The setup recipe found the migrated introduction by its id and left it as it was.
        var introduction = Only(1, "gioi-thieu");
        Assert.Equal(("gioi-thieu", 1), (introduction.ContentItemId, introduction.Version));
        Assert.Equal(8, audit.Count);
        Assert.All(items.Where(i => i.TenantId == 2 || oldIds.ContainsKey(i.Slug)), i => Assert.Contains(audit, a => a.TenantId == i.TenantId && a.ContentItemId == i.ContentItemId));

        // Through the desk and the shared admin like any page written since.
        var admin = await AdminClient.SignedInAsync(portal);
        var edit = $"/admin/pages/{migrated.ContentItemId}";
        var history = await admin.Http.GetStringAsync($"/admin/contents/{migrated.ContentItemId}/history");
        var legacyAddress = await admin.Http.GetAsync($"/admin/pages/{migrated.ContentItemId}/edit");
        await admin.PostFormAsync(edit, edit, new() { ["Title"] = "Lịch tiếp công dân", ["Slug"] = "lich-tiep-dan", ["Body"] = "<p>Thứ Sáu hằng tuần</p>", ["Published"] = "true" });
        Assert.Contains("Migrated", history);
        Assert.Equal(HttpStatusCode.OK, legacyAddress.StatusCode);
        Assert.Contains("Thứ Sáu hằng tuần", WebUtility.HtmlDecode(await citizen.GetStringAsync("/trang/lich-tiep-dan")));

        // And the required pages stay idempotent on migrated data.
        var before = await PageVersionsAsync(portal);
        await portal.Service<TenantManager>().RunRecipeAsync(Tenant.DefaultName, portal.Service<RecipeCatalog>().Find("required-pages"));
        Assert.Equal(before, await PageVersionsAsync(portal));
    }

    private static async Task<string> PageVersionsAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ContentItem>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ContentType == "page").OrderBy(c => c.Id).Select(c => $"{c.TenantId}|{c.ContentItemId}|{c.Version}|{c.State}|{c.Published}|{c.ModifiedUtc:O}").ToListAsync();
        var published = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<PublishedPage>().IgnoreQueryFilters().AsNoTracking()
            .OrderBy(p => p.Id).Select(p => $"{p.ContentItemId}|{p.Slug}|{p.UpdatedUtc:O}").ToListAsync();
        return string.Join("\n", rows.Concat(published));
    }

    /// <summary>Migrates a fresh database to the version before the page migration and writes pages in the old table's shape.</summary>
    private async Task<Dictionary<string, int>> SeedOldSchemaAsync(TestDatabase database)
    {
        var options = new PortalOptions
        {
            DataPath = database.DataPath,
            Database = new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString },
        };
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDatabase.Configure(builder, options, database.DataPath);
        await using var db = new PortalDbContext(builder.Options, new TenantContext(), fixture.Factory.Service<ModuleCatalog>());
        var previous = db.GetService<IMigrationsAssembly>().Migrations.Keys.Where(id => string.CompareOrdinal(id, Migration) < 0).Max(StringComparer.Ordinal)!;
        await db.GetService<IMigrator>().MigrateAsync(previous);

        // A news item of site 1 already holds the id "trung-ma".
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "ContentItems" ("TenantId", "ContentItemId", "ContentType", "Version", "Latest", "Published", "State", "Culture", "LocalizationSet", "Title", "Slug", "Category",
                "AuthorId", "AuthorName", "ModifiedById", "ModifiedByName", "CreatedUtc", "ModifiedUtc", "PublishedUtc", "ScheduledUtc", "Deleted", "Data")
            VALUES (1, 'trung-ma', 'news', 1, {0}, {1}, 'Draft', 'vi', 'trung-ma', 'Tin trùng mã', 'tin-trung-ma', '', '', '', '', '', {2}, {2}, NULL, NULL, {1}, '{{}}')
            """,
            true, false, Created);

        var rows = new (int Tenant, string Slug, string? ContentId, string Title, string Body, bool Published)[]
        {
            (1, "lich-tiep-dan", null, "Lịch tiếp công dân", "<p>Thứ Năm hằng tuần</p>", true),
            (1, "ban-nhap", null, "Bản nháp ẩn", "<p>Chưa xong</p>", false),
            (1, "nhap-tu-api", "api.trang-1", "Trang nhập từ API", "<p>API</p>", true),
            (1, "trung-ma", "trung-ma", "Trang trùng mã", "<p>Trùng</p>", true),
            (1, "ma-dai", new string('x', 100), "Trang mã dài", "<p>Dài</p>", true),
            (1, "ma-co-dau", "mã có dấu", "Trang mã có dấu", "<p>Dấu</p>", true),
            (1, "gioi-thieu", "gioi-thieu", "Giới thiệu", RequiredIntroduction, true),
            (2, "trung-ma", "trung-ma", "Trang của xã khác", "<p>Khác</p>", true),
        };
        foreach (var row in rows)
        {
            // Raw parameters cannot be null: a page written in the admin had no import id.
            var sql = row.ContentId is null
                ? """INSERT INTO "Pages" ("TenantId", "Slug", "ContentId", "Title", "Body", "Published", "CreatedUtc", "UpdatedUtc") VALUES ({0}, {1}, NULL, {2}, {3}, {4}, {5}, {6})"""
                : """INSERT INTO "Pages" ("TenantId", "Slug", "ContentId", "Title", "Body", "Published", "CreatedUtc", "UpdatedUtc") VALUES ({0}, {1}, {7}, {2}, {3}, {4}, {5}, {6})""";
            await db.Database.ExecuteSqlRawAsync(sql, row.Tenant, row.Slug, row.Title, row.Body, row.Published, Created, Updated, row.ContentId ?? "");
        }

        var ids = new Dictionary<string, int>();
        foreach (var slug in new[] { "lich-tiep-dan", "trung-ma", "ma-dai", "ma-co-dau" })
        {
            ids[slug] = await db.Database.SqlQueryRaw<int>("""SELECT "Id" AS "Value" FROM "Pages" WHERE "TenantId" = 1 AND "Slug" = {0}""", slug).SingleAsync();
        }

        return ids;
    }
}

public sealed class PageMigrationTestsSqlite(SqliteFixture fixture) : PageMigrationTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class PageMigrationTestsPostgres(PostgresFixture fixture) : PageMigrationTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
