using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Pages.Migrations;

/// <summary>
/// Static pages become content items of type <c>page</c>, in place: each row of the old
/// <c>Pages</c> table becomes version 1 of an item of the same site with the same slug, title and
/// body (the body as the item's JSON data), published when the page was public and a draft when
/// it was hidden, with one audit entry saying where it came from. The item keeps the page's
/// import id when it has a usable one (so recipes and the content API still find it by id);
/// otherwise, or when another item of the site already holds that id, it is <c>page-{old id}</c>.
/// Public pages are also copied to <c>PagesPublished</c>, the table /trang/{slug} reads, so
/// every address answers as before. Then the old table goes.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122001300_Pages_ContentItems")]
internal sealed class M20261122001300_PagesContentItems : Migration
{
    private const string MigratedReason = "chuyển từ bảng trang tĩnh cũ sang vòng đời nội dung (phiên bản, quy trình, nhật ký)";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PagesPublished",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Culture = t.Column<string>(maxLength: 10, nullable: false),
                Slug = t.Column<string>(maxLength: 200, nullable: false),
                Title = t.Column<string>(maxLength: 500, nullable: false),
                Body = t.Column<string>(nullable: false),
                UpdatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_PagesPublished", x => x.Id));
        migrationBuilder.CreateIndex("IX_PagesPublished_TenantId_ContentItemId", "PagesPublished", ["TenantId", "ContentItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_PagesPublished_TenantId_Slug", "PagesPublished", ["TenantId", "Slug"]);

        var postgres = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

        // The id each page's item gets, worked out on the old table before it goes.
        migrationBuilder.AddColumn<string>("MigratedId", "Pages", maxLength: 64, nullable: true);

        // 1. The import id, when it is a valid content id (ContentIds: 1-64 of [A-Za-z0-9._-]) that no item of the site holds.
        var validId = postgres
            ? "\"ContentId\" ~ '^[A-Za-z0-9._-]{1,64}$'"
            : "LENGTH(\"ContentId\") BETWEEN 1 AND 64 AND \"ContentId\" NOT GLOB '*[^A-Za-z0-9._-]*'";
        migrationBuilder.Sql($"""
            UPDATE "Pages" SET "MigratedId" = "ContentId"
            WHERE "ContentId" IS NOT NULL AND {validId} AND "ContentId" NOT IN ('.', '..')
              AND NOT EXISTS (SELECT 1 FROM "ContentItems" c WHERE c."TenantId" = "Pages"."TenantId" AND c."ContentItemId" = "Pages"."ContentId")
            """);

        // 2. Otherwise page-{id}; page-migrated-{id} if even that is taken on the site.
        migrationBuilder.Sql("""
            UPDATE "Pages" SET "MigratedId" = CASE
                WHEN EXISTS (SELECT 1 FROM "ContentItems" c WHERE c."TenantId" = "Pages"."TenantId" AND c."ContentItemId" = 'page-' || "Pages"."Id")
                  OR EXISTS (SELECT 1 FROM "Pages" p WHERE p."TenantId" = "Pages"."TenantId" AND p."MigratedId" = 'page-' || "Pages"."Id")
                THEN 'page-migrated-' || "Id"
                ELSE 'page-' || "Id" END
            WHERE "MigratedId" IS NULL
            """);

        // 3. One version per page. An imported page (its id kept) was written by the system; who
        // wrote an admin page was never recorded, so its author stays empty.
        var data = postgres ? "json_build_object('body', p.\"Body\")::text" : "json_object('body', p.\"Body\")";
        migrationBuilder.Sql($"""
            INSERT INTO "ContentItems" ("TenantId", "ContentItemId", "ContentType", "Version", "Latest", "Published", "State", "Culture", "LocalizationSet",
                "Title", "Slug", "Category", "AuthorId", "AuthorName", "ModifiedById", "ModifiedByName", "CreatedUtc", "ModifiedUtc", "PublishedUtc", "ScheduledUtc", "Deleted", "Data")
            SELECT p."TenantId", p."MigratedId", 'page', 1, TRUE, p."Published", CASE WHEN p."Published" THEN 'Published' ELSE 'Draft' END, 'vi', p."MigratedId",
                p."Title", p."Slug", '',
                CASE WHEN p."MigratedId" = p."ContentId" THEN 'system' ELSE '' END, CASE WHEN p."MigratedId" = p."ContentId" THEN 'Hệ thống' ELSE '' END,
                CASE WHEN p."MigratedId" = p."ContentId" THEN 'system' ELSE '' END, CASE WHEN p."MigratedId" = p."ContentId" THEN 'Hệ thống' ELSE '' END,
                p."CreatedUtc", p."UpdatedUtc", CASE WHEN p."Published" THEN p."UpdatedUtc" END, NULL, FALSE, {data}
            FROM "Pages" p
            """);
        migrationBuilder.Sql($"""
            INSERT INTO "ContentAudit" ("TenantId", "ContentItemId", "Version", "Action", "FromState", "ToState", "UserId", "UserName", "RemoteAddress", "Reason", "Utc")
            SELECT p."TenantId", p."MigratedId", 1, 'Migrated', NULL, CASE WHEN p."Published" THEN 'Published' ELSE 'Draft' END, 'system', 'Hệ thống', '', '{MigratedReason}', p."UpdatedUtc"
            FROM "Pages" p
            """);
        migrationBuilder.Sql("""
            INSERT INTO "PagesPublished" ("TenantId", "ContentItemId", "Culture", "Slug", "Title", "Body", "UpdatedUtc")
            SELECT p."TenantId", p."MigratedId", 'vi', p."Slug", p."Title", p."Body", p."UpdatedUtc"
            FROM "Pages" p WHERE p."Published"
            """);

        migrationBuilder.DropTable("Pages");
    }
}
