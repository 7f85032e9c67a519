using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Portal.Core.Persistence;

/// <summary>Helpers that let one hand-written migration serve SQLite and PostgreSQL.</summary>
public static class MigrationExtensions
{
    /// <summary>An auto-incrementing integer key: AUTOINCREMENT on SQLite, an identity column on PostgreSQL.</summary>
    public static OperationBuilder<AddColumnOperation> IdentityKey(this ColumnsBuilder columns) =>
        columns.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    /// <summary>
    /// Copies a type's category out of its JSON data into <c>ContentItems.Category</c> for rows
    /// written before the column existed (the shared admin filters on the column). The field name
    /// and type are constants of the calling module, never user input.
    /// </summary>
    public static void BackfillContentCategory(this MigrationBuilder migrationBuilder, string contentType, string jsonField)
    {
        var sql = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? $"""UPDATE "ContentItems" SET "Category" = LEFT(COALESCE("Data"::jsonb ->> '{jsonField}', ''), 200) WHERE "ContentType" = '{contentType}' AND "Category" = ''"""
            : $"""UPDATE "ContentItems" SET "Category" = SUBSTR(COALESCE(CASE WHEN json_valid("Data") THEN json_extract("Data", '$.{jsonField}') END, ''), 1, 200) WHERE "ContentType" = '{contentType}' AND "Category" = ''""";
        migrationBuilder.Sql(sql);
    }
}
