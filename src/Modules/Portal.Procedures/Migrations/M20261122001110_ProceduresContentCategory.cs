using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Procedures.Migrations;

/// <summary>Procedures written before content items carried a category get their field (lĩnh vực) from their data, for the shared admin's filter.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122001110_Procedures_ContentCategory")]
internal sealed class M20261122001110_ProceduresContentCategory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.BackfillContentCategory("procedure", "field");
}
