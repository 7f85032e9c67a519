using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Core.Migrations;

/// <summary>An index for MAX(UpdatedUtc), which tenant writes and the refresh loop read (found by the provisioning benchmark).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122000460_Core_TenantsUpdatedIndex")]
internal sealed class M20261122000460_CoreTenantsUpdatedIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_Tenants_UpdatedUtc", "Tenants", "UpdatedUtc");
}
