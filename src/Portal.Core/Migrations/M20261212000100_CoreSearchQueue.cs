using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Portal.Core.Persistence;

namespace Portal.Core.Migrations;

/// <summary>
/// The search queue (<see cref="Search.SearchQueueEntry"/>). Empty at first: a node whose index
/// has no position yet builds it from the content table, which holds everything published so far.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261212000100_Core_SearchQueue")]
internal sealed class M20261212000100_CoreSearchQueue : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SearchQueue",
            columns: t => new
            {
                // AUTOINCREMENT: SQLite never hands out an id again, so a node's position stays meaningful.
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                TxId = t.Column<long>(nullable: true),
                Kind = t.Column<int>(nullable: false),
                TenantId = t.Column<int>(nullable: false),
                ContentType = t.Column<string>(maxLength: 50, nullable: false),
                ContentItemId = t.Column<string>(maxLength: 64, nullable: false),
                CreatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_SearchQueue", x => x.Id));
        migrationBuilder.CreateIndex("IX_SearchQueue_TxId_Id", "SearchQueue", ["TxId", "Id"]);
        migrationBuilder.CreateIndex("IX_SearchQueue_CreatedUtc", "SearchQueue", ["CreatedUtc"]);
    }
}
