using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Taxonomies.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122000900_Taxonomies")]
internal sealed class M20261122000900_Taxonomies : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TaxonomyTerms",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                Vocabulary = t.Column<string>(maxLength: 50, nullable: false),
                Slug = t.Column<string>(maxLength: 200, nullable: false),
                Name = t.Column<string>(maxLength: 200, nullable: false),
                Folded = t.Column<string>(maxLength: 200, nullable: false),
                MergedInto = t.Column<string>(maxLength: 200, nullable: true),
                CreatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_TaxonomyTerms", x => x.Id));
        migrationBuilder.CreateIndex("IX_TaxonomyTerms_TenantId_Vocabulary_Slug", "TaxonomyTerms", ["TenantId", "Vocabulary", "Slug"], unique: true);

        migrationBuilder.CreateTable(
            name: "TaxonomyAssignments",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                Vocabulary = t.Column<string>(maxLength: 50, nullable: false),
                TermSlug = t.Column<string>(maxLength: 200, nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                ContentType = t.Column<string>(maxLength: 50, nullable: false),
                Title = t.Column<string>(maxLength: 500, nullable: false),
                Path = t.Column<string>(maxLength: 500, nullable: false),
                PublishedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_TaxonomyAssignments", x => x.Id));
        migrationBuilder.CreateIndex("IX_TaxonomyAssignments_Term", "TaxonomyAssignments", ["TenantId", "Vocabulary", "TermSlug", "PublishedUtc"]);
        migrationBuilder.CreateIndex("IX_TaxonomyAssignments_TenantId_ContentItemId", "TaxonomyAssignments", ["TenantId", "ContentItemId"]);
    }
}
