using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.LegalDocuments.Migrations;

/// <summary>
/// The filter indexes carry every short filter column, so a list's count and filter read the index
/// alone (the benchmark at 100,000 documents: a type + year + field count read 12,500 table rows).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122001240_LegalDocuments_CoveringIndexes")]
internal sealed class M20261122001240_LegalDocumentsCoveringIndexes : Migration
{
    private const string Published = "LegalDocumentsPublished";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_LegalDocumentsPublished_TenantId_Type_Year_IssuedOn", Published);
        migrationBuilder.DropIndex("IX_LegalDocumentsPublished_TenantId_Field_IssuedOn", Published);
        migrationBuilder.DropIndex("IX_LegalDocumentsPublished_TenantId_IssuingAuthority_IssuedOn", Published);
        migrationBuilder.DropIndex("IX_LegalDocumentsPublished_TenantId_IssueYear_IssuedOn", Published);
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_ByType", Published, ["TenantId", "DocumentType", "IssueYear", "IssuedOn", "Field", "IssuingAuthority", "Kind", "Culture", "Replaced", "EffectiveOn", "ExpiresOn"]);
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_ByField", Published, ["TenantId", "Field", "IssuedOn", "DocumentType", "IssueYear", "IssuingAuthority", "Kind", "Culture", "Replaced", "EffectiveOn", "ExpiresOn"]);
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_ByAuthority", Published, ["TenantId", "IssuingAuthority", "IssuedOn", "DocumentType", "IssueYear", "Field", "Kind", "Culture", "Replaced", "EffectiveOn", "ExpiresOn"]);
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_ByYear", Published, ["TenantId", "IssueYear", "IssuedOn", "DocumentType", "Field", "IssuingAuthority", "Kind", "Culture", "Replaced", "EffectiveOn", "ExpiresOn"]);
    }
}
