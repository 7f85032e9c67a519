using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Questions.Migrations;

/// <summary>
/// The public Q&amp;A pages: a folded copy of each published question's text for /hoi-dap's text
/// filter, indexes for its field and agency filters, and the visitors' "was this useful?" ratings
/// (one per visitor and answer). The module has no published answers before this migration, so
/// the folded column needs no backfill.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261210000200_Questions_Public")]
internal sealed class M20261210000200_QuestionsPublic : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("SearchFolded", "QuestionsPublished", nullable: false, defaultValue: "");
        migrationBuilder.CreateIndex("IX_QuestionsPublished_TenantId_Field", "QuestionsPublished", ["TenantId", "Field"]);
        migrationBuilder.CreateIndex("IX_QuestionsPublished_TenantId_Agency", "QuestionsPublished", ["TenantId", "Agency"]);

        migrationBuilder.CreateTable(
            name: "QuestionRatings",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                VisitorId = t.Column<string>(maxLength: 32, nullable: false),
                Useful = t.Column<bool>(nullable: false),
                Agency = t.Column<string>(maxLength: 200, nullable: false),
                AtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_QuestionRatings", x => x.Id));
        migrationBuilder.CreateIndex("IX_QuestionRatings_TenantId_ContentItemId_VisitorId", "QuestionRatings", ["TenantId", "ContentItemId", "VisitorId"], unique: true);
        migrationBuilder.CreateIndex("IX_QuestionRatings_TenantId_Agency", "QuestionRatings", ["TenantId", "Agency"]);
    }
}
