using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Pages.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122000200_Pages_Initial")]
internal sealed class M20261122000200_Pages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Pages",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                Slug = t.Column<string>(maxLength: 200, nullable: false),
                Title = t.Column<string>(maxLength: 300, nullable: false),
                Body = t.Column<string>(nullable: false),
                Published = t.Column<bool>(nullable: false),
                CreatedUtc = t.Column<DateTime>(nullable: false),
                UpdatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Pages", x => x.Id));
        migrationBuilder.CreateIndex("IX_Pages_TenantId_Slug", "Pages", ["TenantId", "Slug"], unique: true);
    }
}
