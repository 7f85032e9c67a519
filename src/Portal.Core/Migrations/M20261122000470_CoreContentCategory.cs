using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Core.Migrations;

/// <summary>Each version carries its category, so the shared Contents admin can filter every type the same way.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000470_Core_ContentCategory")]
internal sealed class M20261122000470_CoreContentCategory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("Category", "ContentItems", maxLength: 200, nullable: false, defaultValue: "");
}
