using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Core.Migrations;

/// <summary>
/// The syndication feed (<see cref="Contents.ContentFeedEntry"/>), filled at once with what every
/// site publishes today, numbered per site in the order it was published.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201000200_Core_ContentFeed")]
internal sealed class M20261201000200_CoreContentFeed : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContentFeed",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentType = t.Column<string>(maxLength: 50, nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Culture = t.Column<string>(maxLength: 10, nullable: false),
                Seq = t.Column<long>(nullable: false),
                Removed = t.Column<bool>(nullable: false),
                ChangedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ContentFeed", x => x.Id));
        migrationBuilder.CreateIndex("IX_ContentFeed_TenantId_ContentType_ContentItemId", "ContentFeed", ["TenantId", "ContentType", "ContentItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_ContentFeed_TenantId_ContentType_Seq", "ContentFeed", ["TenantId", "ContentType", "Seq"]);
        migrationBuilder.CreateIndex("IX_ContentFeed_TenantId_Seq", "ContentFeed", ["TenantId", "Seq"]);

        var isFalse = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "FALSE" : "0";
        migrationBuilder.Sql($"""
            INSERT INTO "ContentFeed" ("TenantId", "ContentType", "ContentItemId", "Culture", "Seq", "Removed", "ChangedUtc")
            SELECT "TenantId", "ContentType", "ContentItemId", "Culture",
                   ROW_NUMBER() OVER (PARTITION BY "TenantId" ORDER BY COALESCE("PublishedUtc", "ModifiedUtc"), "Id"),
                   {isFalse}, COALESCE("PublishedUtc", "ModifiedUtc")
            FROM "ContentItems" WHERE "Published" AND NOT "Deleted"
            """);
    }
}
