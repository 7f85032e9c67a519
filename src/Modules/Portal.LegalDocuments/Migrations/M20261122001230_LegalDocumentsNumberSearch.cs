using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Persistence;

namespace Portal.LegalDocuments.Migrations;

/// <summary>
/// A trigram index for "number contains", which a B-tree cannot seek (the benchmark found every
/// number search reading all 100,000 numbers, twice per page). SQLite: an FTS5 trigram table over
/// the projection's folded numbers, kept in step by triggers, so no code path can forget it.
/// PostgreSQL: the pg_trgm extension (trusted since PostgreSQL 13: a database owner may create it)
/// and a GIN index, which LIKE '%…%' uses.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122001230_LegalDocuments_NumberSearch")]
internal sealed class M20261122001230_LegalDocumentsNumberSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // Where the database user may not create the extension (a managed server without it
            // allowed), the site still starts: the index is a plain one and number search scans.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    BEGIN
                        CREATE EXTENSION IF NOT EXISTS pg_trgm;
                    EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
                        RAISE WARNING 'pg_trgm is not available: legal document number search will read every number.';
                    END;
                    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                        CREATE INDEX "IX_LegalDocumentsPublished_NumberTrigram" ON "LegalDocumentsPublished" USING gin ("NumberFolded" gin_trgm_ops);
                    ELSE
                        CREATE INDEX "IX_LegalDocumentsPublished_NumberTrigram" ON "LegalDocumentsPublished" ("NumberFolded");
                    END IF;
                END $$;
                """);
            return;
        }

        migrationBuilder.Sql("""CREATE INDEX "IX_LegalDocumentsPublished_NumberTrigram" ON "LegalDocumentsPublished" ("NumberFolded");""");
        migrationBuilder.Sql("""CREATE VIRTUAL TABLE "LegalDocumentsPublished_fts" USING fts5("NumberFolded", content='LegalDocumentsPublished', content_rowid='Id', tokenize='trigram');""");
        migrationBuilder.Sql("""INSERT INTO "LegalDocumentsPublished_fts"("LegalDocumentsPublished_fts") VALUES ('rebuild');""");
        migrationBuilder.Sql("""
            CREATE TRIGGER "LegalDocumentsPublished_fts_insert" AFTER INSERT ON "LegalDocumentsPublished" BEGIN
                INSERT INTO "LegalDocumentsPublished_fts"(rowid, "NumberFolded") VALUES (new."Id", new."NumberFolded");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "LegalDocumentsPublished_fts_delete" AFTER DELETE ON "LegalDocumentsPublished" BEGIN
                INSERT INTO "LegalDocumentsPublished_fts"("LegalDocumentsPublished_fts", rowid, "NumberFolded") VALUES ('delete', old."Id", old."NumberFolded");
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "LegalDocumentsPublished_fts_update" AFTER UPDATE OF "NumberFolded" ON "LegalDocumentsPublished" BEGIN
                INSERT INTO "LegalDocumentsPublished_fts"("LegalDocumentsPublished_fts", rowid, "NumberFolded") VALUES ('delete', old."Id", old."NumberFolded");
                INSERT INTO "LegalDocumentsPublished_fts"(rowid, "NumberFolded") VALUES (new."Id", new."NumberFolded");
            END;
            """);
    }
}
