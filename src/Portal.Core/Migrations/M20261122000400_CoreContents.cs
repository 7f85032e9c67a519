using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Portal.Core.Persistence;

namespace Portal.Core.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122000400_Core_Contents")]
internal sealed class M20261122000400_CoreContents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContentItems",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                ContentType = t.Column<string>(maxLength: 50, nullable: false),
                Version = t.Column<int>(nullable: false),
                Latest = t.Column<bool>(nullable: false),
                Published = t.Column<bool>(nullable: false),
                State = t.Column<string>(maxLength: 20, nullable: false),
                Culture = t.Column<string>(maxLength: 10, nullable: false),
                LocalizationSet = t.Column<string>(maxLength: 64, nullable: false),
                Title = t.Column<string>(maxLength: 500, nullable: false),
                Slug = t.Column<string>(maxLength: 200, nullable: false),
                AuthorId = t.Column<string>(maxLength: 64, nullable: false),
                AuthorName = t.Column<string>(maxLength: 200, nullable: false),
                ModifiedById = t.Column<string>(maxLength: 64, nullable: false),
                ModifiedByName = t.Column<string>(maxLength: 200, nullable: false),
                CreatedUtc = t.Column<DateTime>(nullable: false),
                ModifiedUtc = t.Column<DateTime>(nullable: false),
                PublishedUtc = t.Column<DateTime>(nullable: true),
                ScheduledUtc = t.Column<DateTime>(nullable: true),
                Deleted = t.Column<bool>(nullable: false),
                Data = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ContentItems", x => x.Id));
        migrationBuilder.CreateIndex("IX_ContentItems_TenantId_ContentItemId_Version", "ContentItems", ["TenantId", "ContentItemId", "Version"], unique: true);
        migrationBuilder.CreateIndex("IX_ContentItems_TenantId_ContentType_Latest_ModifiedUtc", "ContentItems", ["TenantId", "ContentType", "Latest", "ModifiedUtc"]);
        migrationBuilder.CreateIndex("IX_ContentItems_TenantId_ContentType_Published_PublishedUtc", "ContentItems", ["TenantId", "ContentType", "Published", "PublishedUtc"]);
        migrationBuilder.CreateIndex("IX_ContentItems_TenantId_Culture_Slug", "ContentItems", ["TenantId", "Culture", "Slug"]);
        migrationBuilder.CreateIndex("IX_ContentItems_State_ScheduledUtc", "ContentItems", ["State", "ScheduledUtc"]);

        migrationBuilder.CreateTable(
            name: "ContentAudit",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Version = t.Column<int>(nullable: false),
                Action = t.Column<string>(maxLength: 40, nullable: false),
                FromState = t.Column<string>(maxLength: 20, nullable: true),
                ToState = t.Column<string>(maxLength: 20, nullable: true),
                UserId = t.Column<string>(maxLength: 64, nullable: false),
                UserName = t.Column<string>(maxLength: 200, nullable: false),
                RemoteAddress = t.Column<string>(maxLength: 64, nullable: false),
                Reason = t.Column<string>(maxLength: 1000, nullable: true),
                Utc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ContentAudit", x => x.Id));
        migrationBuilder.CreateIndex("IX_ContentAudit_TenantId_ContentItemId_Utc", "ContentAudit", ["TenantId", "ContentItemId", "Utc"]);
    }
}
