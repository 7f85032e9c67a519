using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.News.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122000600_News_Royalties")]
internal sealed class M20261122000600_NewsRoyalties : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "NewsRoyaltyRates",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                Class = t.Column<string>(maxLength: 50, nullable: false),
                Description = t.Column<string>(maxLength: 300, nullable: false),
                Amount = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_NewsRoyaltyRates", x => x.Id));
        migrationBuilder.CreateIndex("IX_NewsRoyaltyRates_TenantId_Class", "NewsRoyaltyRates", ["TenantId", "Class"], unique: true);

        migrationBuilder.CreateTable(
            name: "NewsRoyalties",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Title = t.Column<string>(maxLength: 500, nullable: false),
                Author = t.Column<string>(maxLength: 200, nullable: false),
                Class = t.Column<string>(maxLength: 50, nullable: false),
                Amount = t.Column<long>(nullable: false),
                PublishedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_NewsRoyalties", x => x.Id));
        migrationBuilder.CreateIndex("IX_NewsRoyalties_TenantId_ContentItemId", "NewsRoyalties", ["TenantId", "ContentItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_NewsRoyalties_TenantId_PublishedUtc", "NewsRoyalties", ["TenantId", "PublishedUtc"]);
    }
}
