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
}
