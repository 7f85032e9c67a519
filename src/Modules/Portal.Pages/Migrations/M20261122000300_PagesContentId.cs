using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Pages.Migrations;

/// <summary>The caller's stable id of an imported page (recipes, content API): re-importing updates it.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000300_Pages_ContentId")]
internal sealed class M20261122000300_PagesContentId : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("ContentId", "Pages", maxLength: 200, nullable: true);
        migrationBuilder.CreateIndex("IX_Pages_TenantId_ContentId", "Pages", ["TenantId", "ContentId"], unique: true);
    }
}
