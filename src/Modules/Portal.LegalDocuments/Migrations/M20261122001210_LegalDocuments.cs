using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.LegalDocuments.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122001210_LegalDocuments_Initial")]
internal sealed class M20261122001210_LegalDocuments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "LegalDocumentsPublished",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Culture = t.Column<string>(maxLength: 10, nullable: false),
                Slug = t.Column<string>(maxLength: 200, nullable: false),
                Title = t.Column<string>(maxLength: 500, nullable: false),
                Number = t.Column<string>(maxLength: 100, nullable: false),
                NumberFolded = t.Column<string>(maxLength: 100, nullable: false),
                DocumentType = t.Column<string>(maxLength: 50, nullable: false),
                IssuingAuthority = t.Column<string>(maxLength: 200, nullable: false),
                Field = t.Column<string>(maxLength: 200, nullable: false),
                Signer = t.Column<string>(maxLength: 200, nullable: false),
                SignerPosition = t.Column<string>(maxLength: 200, nullable: false),
                IssuedOn = t.Column<DateOnly>(nullable: false),
                IssueYear = t.Column<int>(nullable: false),
                EffectiveOn = t.Column<DateOnly>(nullable: false),
                ExpiresOn = t.Column<DateOnly>(nullable: true),
                Replaced = t.Column<bool>(nullable: false),
                Kind = t.Column<string>(maxLength: 20, nullable: false),
                Summary = t.Column<string>(maxLength: 2000, nullable: false),
                SummaryFolded = t.Column<string>(maxLength: 2000, nullable: false),
                PublishedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_LegalDocumentsPublished", x => x.Id));
        const string published = "LegalDocumentsPublished";
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_TenantId_ContentItemId", published, ["TenantId", "ContentItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_TenantId_Culture_Slug", published, ["TenantId", "Culture", "Slug"]);
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_TenantId_IssuedOn", published, ["TenantId", "IssuedOn"]);
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_TenantId_Type_Year_IssuedOn", published, ["TenantId", "DocumentType", "IssueYear", "IssuedOn"]);
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_TenantId_Field_IssuedOn", published, ["TenantId", "Field", "IssuedOn"]);
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_TenantId_IssuingAuthority_IssuedOn", published, ["TenantId", "IssuingAuthority", "IssuedOn"]);
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_TenantId_IssueYear_IssuedOn", published, ["TenantId", "IssueYear", "IssuedOn"]);
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_TenantId_Number", published, ["TenantId", "Number"]);
        migrationBuilder.CreateIndex("IX_LegalDocumentsPublished_TenantId_NumberFolded_Culture", published, ["TenantId", "NumberFolded", "Culture"]);

        migrationBuilder.CreateTable(
            name: "LegalDocumentRelations",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                SourceContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Kind = t.Column<string>(maxLength: 20, nullable: false),
                TargetNumber = t.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_LegalDocumentRelations", x => x.Id));
        migrationBuilder.CreateIndex("IX_LegalDocumentRelations_TenantId_SourceContentItemId", "LegalDocumentRelations", ["TenantId", "SourceContentItemId"]);
        migrationBuilder.CreateIndex("IX_LegalDocumentRelations_TenantId_TargetNumber_Kind", "LegalDocumentRelations", ["TenantId", "TargetNumber", "Kind"]);

        migrationBuilder.CreateTable(
            name: "LegalDocumentKeys",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Number = t.Column<string>(maxLength: 100, nullable: false),
                NumberKey = t.Column<string>(maxLength: 100, nullable: false),
                AuthorityKey = t.Column<string>(maxLength: 200, nullable: false),
                DocumentType = t.Column<string>(maxLength: 50, nullable: false),
                IssuingAuthority = t.Column<string>(maxLength: 200, nullable: false),
                IssueYear = t.Column<int>(nullable: false),
                SearchFolded = t.Column<string>(maxLength: 2200, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_LegalDocumentKeys", x => x.Id));
        migrationBuilder.CreateIndex("IX_LegalDocumentKeys_TenantId_ContentItemId", "LegalDocumentKeys", ["TenantId", "ContentItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_LegalDocumentKeys_TenantId_NumberKey_AuthorityKey", "LegalDocumentKeys", ["TenantId", "NumberKey", "AuthorityKey"]);
    }
}
