using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Users.Migrations;

/// <summary>Sign-in sessions, so that signing out, a password or role change and locking end a user's cookies (issue #10, defect 3).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201000100_Users_Sessions")]
internal sealed class M20261201000100_UserSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "UserSessions",
            columns: t => new
            {
                Id = t.Column<string>(maxLength: 32, nullable: false),
                UserId = t.Column<string>(maxLength: 64, nullable: false),
                SecurityStamp = t.Column<string>(maxLength: 64, nullable: false),
                CreatedUtc = t.Column<DateTime>(nullable: false),
                LastSeenUtc = t.Column<DateTime>(nullable: false),
                RevokedUtc = t.Column<DateTime>(nullable: true),
                IpAddress = t.Column<string>(maxLength: 64, nullable: true),
                UserAgent = t.Column<string>(maxLength: 300, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_UserSessions", x => x.Id);
                t.ForeignKey("FK_UserSessions_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_UserSessions_UserId", "UserSessions", "UserId");
    }
}
