using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.News.Migrations;

/// <summary>Articles written before content items carried their category get it from their data, so the desks' category filters still find them.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000810_News_ContentCategory")]
internal sealed class M20261122000810_NewsContentCategory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.BackfillContentCategory("news", "category");
}
