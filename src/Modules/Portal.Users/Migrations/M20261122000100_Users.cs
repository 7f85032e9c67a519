using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Users.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122000100_Users_Initial")]
internal sealed class M20261122000100_Users : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Users",
            columns: t => new
            {
                Id = t.Column<string>(maxLength: 64, nullable: false),
                UserName = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = t.Column<bool>(nullable: false),
                PasswordHash = t.Column<string>(nullable: true),
                SecurityStamp = t.Column<string>(nullable: true),
                ConcurrencyStamp = t.Column<string>(nullable: true),
                PhoneNumber = t.Column<string>(maxLength: 32, nullable: true),
                PhoneNumberConfirmed = t.Column<bool>(nullable: false),
                TwoFactorEnabled = t.Column<bool>(nullable: false),
                LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = t.Column<bool>(nullable: false),
                AccessFailedCount = t.Column<int>(nullable: false),
                DisplayName = t.Column<string>(maxLength: 200, nullable: false),
                CreatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_Users", x => x.Id));
        migrationBuilder.CreateIndex("IX_Users_NormalizedUserName", "Users", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("IX_Users_NormalizedEmail", "Users", "NormalizedEmail");

        migrationBuilder.CreateTable(
            name: "UserClaims",
            columns: t => new
            {
                Id = t.IdentityKey(),
                UserId = t.Column<string>(maxLength: 64, nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_UserClaims", x => x.Id);
                t.ForeignKey("FK_UserClaims_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_UserClaims_UserId", "UserClaims", "UserId");

        migrationBuilder.CreateTable(
            name: "UserLogins",
            columns: t => new
            {
                LoginProvider = t.Column<string>(maxLength: 128, nullable: false),
                ProviderKey = t.Column<string>(maxLength: 128, nullable: false),
                ProviderDisplayName = t.Column<string>(nullable: true),
                UserId = t.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_UserLogins", x => new { x.LoginProvider, x.ProviderKey });
                t.ForeignKey("FK_UserLogins_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_UserLogins_UserId", "UserLogins", "UserId");

        migrationBuilder.CreateTable(
            name: "UserTokens",
            columns: t => new
            {
                UserId = t.Column<string>(maxLength: 64, nullable: false),
                LoginProvider = t.Column<string>(maxLength: 128, nullable: false),
                Name = t.Column<string>(maxLength: 128, nullable: false),
                Value = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_UserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                t.ForeignKey("FK_UserTokens_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TenantRoles",
            columns: t => new
            {
                TenantId = t.Column<int>(nullable: false),
                Name = t.Column<string>(maxLength: 64, nullable: false),
                Description = t.Column<string>(maxLength: 300, nullable: false),
                Permissions = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_TenantRoles", x => new { x.TenantId, x.Name }));

        migrationBuilder.CreateTable(
            name: "UserTenantRoles",
            columns: t => new
            {
                TenantId = t.Column<int>(nullable: false),
                UserId = t.Column<string>(maxLength: 64, nullable: false),
                RoleName = t.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_UserTenantRoles", x => new { x.TenantId, x.UserId, x.RoleName });
                t.ForeignKey("FK_UserTenantRoles_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_UserTenantRoles_UserId", "UserTenantRoles", "UserId");
    }
}
