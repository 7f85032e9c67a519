using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Core.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122000000_Core_Tenants")]
internal sealed class M20261122000000_CoreTenants : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Tenants",
            columns: t => new
            {
                Id = t.IdentityKey(),
                Name = t.Column<string>(maxLength: 63, nullable: false),
                DisplayName = t.Column<string>(maxLength: 300, nullable: false),
                Level = t.Column<string>(maxLength: 20, nullable: false),
                ParentId = t.Column<int>(nullable: true),
                Hosts = t.Column<string>(nullable: false),
                Prefix = t.Column<string>(maxLength: 63, nullable: false),
                DefaultCulture = t.Column<string>(maxLength: 10, nullable: false),
                Cultures = t.Column<string>(nullable: false),
                Theme = t.Column<string>(maxLength: 100, nullable: false),
                Features = t.Column<string>(nullable: false),
                State = t.Column<string>(maxLength: 20, nullable: false),
                Settings = t.Column<string>(nullable: false),
                CreatedUtc = t.Column<DateTime>(nullable: false),
                UpdatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Tenants", x => x.Id));

        migrationBuilder.CreateIndex("IX_Tenants_Name", "Tenants", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_Tenants_ParentId", "Tenants", "ParentId");
    }
}
