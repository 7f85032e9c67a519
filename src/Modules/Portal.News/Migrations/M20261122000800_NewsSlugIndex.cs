using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.News.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122000800_News_SlugIndex")]
internal sealed class M20261122000800_NewsSlugIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_NewsPublished_TenantId_Culture_Slug", "NewsPublished", ["TenantId", "Culture", "Slug"]);
}
