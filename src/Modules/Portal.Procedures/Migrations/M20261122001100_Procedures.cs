using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Procedures.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122001100_Procedures_Initial")]
internal sealed class M20261122001100_Procedures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProceduresPublished",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Slug = t.Column<string>(maxLength: 200, nullable: false),
                Code = t.Column<string>(maxLength: 40, nullable: false),
                Name = t.Column<string>(maxLength: 500, nullable: false),
                NameFolded = t.Column<string>(maxLength: 500, nullable: false),
                Field = t.Column<string>(maxLength: 200, nullable: false),
                Level = t.Column<string>(maxLength: 20, nullable: false),
                Agency = t.Column<string>(maxLength: 300, nullable: false),
                OnlineLevel = t.Column<string>(maxLength: 20, nullable: false),
                PublishedUtc = t.Column<DateTime>(nullable: false),
                Data = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ProceduresPublished", x => x.Id));
        migrationBuilder.CreateIndex("IX_ProceduresPublished_TenantId_ContentItemId", "ProceduresPublished", ["TenantId", "ContentItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_ProceduresPublished_TenantId_Slug", "ProceduresPublished", ["TenantId", "Slug"]);
        migrationBuilder.CreateIndex("IX_ProceduresPublished_TenantId_Code", "ProceduresPublished", ["TenantId", "Code"]);
        migrationBuilder.CreateIndex("IX_ProceduresPublished_TenantId_Level_Field", "ProceduresPublished", ["TenantId", "Level", "Field"]);
        migrationBuilder.CreateIndex("IX_ProceduresPublished_TenantId_Agency", "ProceduresPublished", ["TenantId", "Agency"]);
        migrationBuilder.CreateIndex("IX_ProceduresPublished_TenantId_OnlineLevel", "ProceduresPublished", ["TenantId", "OnlineLevel"]);
        migrationBuilder.CreateIndex("IX_ProceduresPublished_TenantId_NameFolded", "ProceduresPublished", ["TenantId", "NameFolded"]);

        migrationBuilder.CreateTable(
            name: "ProceduresIndex",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Code = t.Column<string>(maxLength: 40, nullable: false),
                NameFolded = t.Column<string>(maxLength: 500, nullable: false),
                Field = t.Column<string>(maxLength: 200, nullable: false),
                Level = t.Column<string>(maxLength: 20, nullable: false),
                OnlineLevel = t.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ProceduresIndex", x => x.Id));
        migrationBuilder.CreateIndex("IX_ProceduresIndex_TenantId_ContentItemId", "ProceduresIndex", ["TenantId", "ContentItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_ProceduresIndex_TenantId_Code", "ProceduresIndex", ["TenantId", "Code"]);
    }
}
