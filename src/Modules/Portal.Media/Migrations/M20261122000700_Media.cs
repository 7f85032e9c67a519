using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Media.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261122000700_Media_Initial")]
internal sealed class M20261122000700_Media : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MediaFiles",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                StoredName = t.Column<string>(maxLength: 64, nullable: true),
                OriginalName = t.Column<string>(maxLength: 255, nullable: false),
                ContentType = t.Column<string>(maxLength: 100, nullable: false),
                Kind = t.Column<string>(maxLength: 20, nullable: false),
                Size = t.Column<long>(nullable: false),
                Sha256 = t.Column<string>(maxLength: 64, nullable: true),
                AltText = t.Column<string>(maxLength: 500, nullable: false),
                Caption = t.Column<string>(maxLength: 1000, nullable: false),
                Width = t.Column<int>(nullable: true),
                Height = t.Column<int>(nullable: true),
                VideoUrl = t.Column<string>(maxLength: 500, nullable: true),
                UploadedBy = t.Column<string>(maxLength: 256, nullable: false),
                UploadedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_MediaFiles", x => x.Id));
        migrationBuilder.CreateIndex("IX_MediaFiles_TenantId_UploadedUtc", "MediaFiles", ["TenantId", "UploadedUtc"]);
        migrationBuilder.CreateIndex("IX_MediaFiles_TenantId_Kind_UploadedUtc", "MediaFiles", ["TenantId", "Kind", "UploadedUtc"]);
    }
}
