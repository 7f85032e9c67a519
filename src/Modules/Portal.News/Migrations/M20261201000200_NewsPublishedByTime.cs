using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.News.Migrations;

/// <summary>
/// The news of the sites below reads the newest articles across many sites: without an index on
/// time alone, each read gathered every article of those sites (all of them, for the province)
/// and sorted them; with it, the newest are read from the index's end until a page is full.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201000200_News_PublishedByTime")]
internal sealed class M20261201000200_NewsPublishedByTime : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_NewsPublished_Culture_PublishedUtc", "NewsPublished", ["Culture", "PublishedUtc"]);
}
