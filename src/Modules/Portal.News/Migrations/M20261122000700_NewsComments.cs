using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.News.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122000700_News_Comments")]
internal sealed class M20261122000700_NewsComments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "NewsComments",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                SenderName = t.Column<string>(maxLength: 100, nullable: false),
                Email = t.Column<string>(maxLength: 256, nullable: false),
                Content = t.Column<string>(maxLength: 4000, nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                RemoteAddress = t.Column<string>(maxLength: 64, nullable: false),
                CreatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_NewsComments", x => x.Id));
        migrationBuilder.CreateIndex("IX_NewsComments_TenantId_ContentItemId_Status", "NewsComments", ["TenantId", "ContentItemId", "Status"]);
        migrationBuilder.CreateIndex("IX_NewsComments_TenantId_Status_CreatedUtc", "NewsComments", ["TenantId", "Status", "CreatedUtc"]);
    }
}
