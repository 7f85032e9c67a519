using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.News.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122000500_News_Initial")]
internal sealed class M20261122000500_News : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "NewsCategories",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                Slug = t.Column<string>(maxLength: 200, nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                ParentSlug = t.Column<string>(maxLength: 200, nullable: true),
                Order = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_NewsCategories", x => x.Id));
        migrationBuilder.CreateIndex("IX_NewsCategories_TenantId_Slug", "NewsCategories", ["TenantId", "Slug"], unique: true);

        migrationBuilder.CreateTable(
            name: "NewsPublished",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Culture = t.Column<string>(maxLength: 10, nullable: false),
                Slug = t.Column<string>(maxLength: 200, nullable: false),
                Title = t.Column<string>(maxLength: 500, nullable: false),
                Summary = t.Column<string>(maxLength: 2000, nullable: false),
                Category = t.Column<string>(maxLength: 200, nullable: false),
                FeaturedImage = t.Column<string>(maxLength: 500, nullable: false),
                FeaturedImageAlt = t.Column<string>(maxLength: 500, nullable: false),
                Featured = t.Column<bool>(nullable: false),
                PublishedUtc = t.Column<DateTime>(nullable: false),
                ViewCount = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_NewsPublished", x => x.Id));
        migrationBuilder.CreateIndex("IX_NewsPublished_TenantId_ContentItemId", "NewsPublished", ["TenantId", "ContentItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_NewsPublished_TenantId_Culture_PublishedUtc", "NewsPublished", ["TenantId", "Culture", "PublishedUtc"]);
        migrationBuilder.CreateIndex("IX_NewsPublished_TenantId_Category_PublishedUtc", "NewsPublished", ["TenantId", "Category", "PublishedUtc"]);
    }
}
