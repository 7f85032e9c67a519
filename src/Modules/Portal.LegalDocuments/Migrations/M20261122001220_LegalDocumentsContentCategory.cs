using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.LegalDocuments.Migrations;

/// <summary>Documents written before content items carried a category get their field (lĩnh vực) from their data, for the shared admin's filter.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122001220_LegalDocuments_ContentCategory")]
internal sealed class M20261122001220_LegalDocumentsContentCategory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.BackfillContentCategory("legal-document", "field");
}
