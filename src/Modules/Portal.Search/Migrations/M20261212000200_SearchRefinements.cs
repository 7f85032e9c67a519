using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Search.Migrations;

/// <summary>The editors' say in a site's search: synonym groups, best bets, and the queries that found nothing (issue 13, item 5).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261212000200_Search_Refinements")]
internal sealed class M20261212000200_SearchRefinements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SearchSynonyms",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                Terms = t.Column<string>(nullable: false),
                UpdatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_SearchSynonyms", x => x.Id));
        migrationBuilder.CreateIndex("IX_SearchSynonyms_TenantId", "SearchSynonyms", "TenantId");

        migrationBuilder.CreateTable(
            name: "SearchBestBets",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                Query = t.Column<string>(maxLength: 256, nullable: false),
                NormalizedQuery = t.Column<string>(maxLength: 256, nullable: false),
                ContentType = t.Column<string>(maxLength: 50, nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Title = t.Column<string>(maxLength: 500, nullable: false),
                Position = t.Column<int>(nullable: false),
                CreatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_SearchBestBets", x => x.Id));
        migrationBuilder.CreateIndex("IX_SearchBestBets_TenantId_NormalizedQuery_Item", "SearchBestBets", ["TenantId", "NormalizedQuery", "ContentType", "ContentItemId"], unique: true);

        migrationBuilder.CreateTable(
            name: "SearchMisses",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                NormalizedQuery = t.Column<string>(maxLength: 256, nullable: false),
                LastQuery = t.Column<string>(maxLength: 256, nullable: false),
                Count = t.Column<int>(nullable: false),
                FirstSeenUtc = t.Column<DateTime>(nullable: false),
                LastSeenUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_SearchMisses", x => x.Id));
        migrationBuilder.CreateIndex("IX_SearchMisses_TenantId_NormalizedQuery", "SearchMisses", ["TenantId", "NormalizedQuery"], unique: true);
        migrationBuilder.CreateIndex("IX_SearchMisses_TenantId_LastSeenUtc", "SearchMisses", ["TenantId", "LastSeenUtc"]);
    }
}
