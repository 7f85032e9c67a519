using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.Core.Migrations;

/// <summary>
/// The cache-eviction signals (<see cref="Caching.CacheEviction"/>). On PostgreSQL a trigger turns
/// each new row into a NOTIFY on the nodes' channel: sent by the database at commit, never for a
/// rolled-back change, and from any process (the CLI exits before a background sender would run).
/// Identical payloads in one transaction are folded into one notification by PostgreSQL itself.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201000100_Core_CacheEvictions")]
internal sealed class M20261201000100_CoreCacheEvictions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CacheEvictions",
            columns: t => new
            {
                Id = t.IdentityKey(),
                TenantId = t.Column<int>(nullable: false),
                Below = t.Column<bool>(nullable: false),
                Origin = t.Column<long>(nullable: false),
                CreatedUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_CacheEvictions", x => x.Id));

        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION portal_cache_eviction_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('{Caching.ClusterEvents.ChannelName}', CASE WHEN NEW."Below" THEN 'cache-below:' ELSE 'cache:' END || NEW."TenantId" || ':' || NEW."Origin");
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_CacheEvictions_Notify" AFTER INSERT ON "CacheEvictions"
                FOR EACH ROW EXECUTE FUNCTION portal_cache_eviction_notify();
                """);
        }
    }
}
