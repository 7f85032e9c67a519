using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Persistence;

/// <summary>
/// The hand-written migrations and the EF model must describe the same schema: every table,
/// column (type and nullability) and index of the model exists after migrating, and nothing else.
/// This is what fails when someone changes an entity and forgets the migration, or the reverse.
/// </summary>
public abstract class SchemaTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    /// <summary>SQLite FTS5 tables (and their shadow tables) are search indexes the database keeps, made by migrations, not entities.</summary>
    private static bool IsFullTextIndex(string table) => table.Contains("_fts", StringComparison.Ordinal);

    private static readonly HashSet<string> EfTables = new(StringComparer.OrdinalIgnoreCase) { "__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_sequence", "sqlite_stat1", "sqlite_stat4" };

    [Fact]
    public async Task Migrated_schema_matches_the_model()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var isSqlite = db.Database.IsSqlite();

        var actualTables = (await QueryAsync(connection, isSqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
            .Select(r => r[0]).Where(t => !EfTables.Contains(t) && !IsFullTextIndex(t)).ToHashSet(StringComparer.Ordinal);
        var expectedTables = model.Tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expectedTables.Order(), actualTables.Order());

        var problems = new List<string>();
        foreach (var table in model.Tables)
        {
            var actualColumns = (await QueryAsync(connection, isSqlite
                    ? $"SELECT name, type, \"notnull\" FROM pragma_table_info('{table.Name}')"
                    : $"SELECT a.attname, format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN '1' ELSE '0' END FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = '{table.Name}' AND a.attnum > 0 AND NOT a.attisdropped"))
                .ToDictionary(r => r[0], r => (Type: r[1], NotNull: r[2] == "1"), StringComparer.Ordinal);

            foreach (var column in table.Columns)
            {
                if (!actualColumns.Remove(column.Name, out var actual))
                {
                    problems.Add($"{table.Name}.{column.Name} is in the model but not in the database");
                    continue;
                }

                if (!string.Equals(actual.Type, column.StoreType, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{table.Name}.{column.Name}: database type {actual.Type}, model type {column.StoreType}");
                }

                if (actual.NotNull == column.IsNullable)
                {
                    problems.Add($"{table.Name}.{column.Name}: database {(actual.NotNull ? "NOT NULL" : "NULL")}, model {(column.IsNullable ? "NULL" : "NOT NULL")}");
                }
            }

            problems.AddRange(actualColumns.Keys.Select(c => $"{table.Name}.{c} is in the database but not in the model"));

            var actualIndexes = (await QueryAsync(connection, isSqlite
                    ? $"SELECT name, \"unique\" FROM pragma_index_list('{table.Name}') WHERE origin = 'c'"
                    : $"SELECT indexname, CASE WHEN indexdef LIKE 'CREATE UNIQUE%' THEN '1' ELSE '0' END FROM pg_indexes WHERE schemaname = 'public' AND tablename = '{table.Name}' AND indexname NOT LIKE 'PK_%'"))
                .ToDictionary(r => r[0], r => r[1] == "1", StringComparer.Ordinal);
            foreach (var index in table.Indexes)
            {
                if (!actualIndexes.Remove(index.Name, out var unique))
                {
                    problems.Add($"index {index.Name} is in the model but not in the database");
                }
                else if (unique != index.IsUnique)
                {
                    problems.Add($"index {index.Name}: uniqueness differs");
                }
            }

            problems.AddRange(actualIndexes.Keys.Select(i => $"index {i} is in the database but not in the model"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_tenant_owned_table_is_filtered_and_indexed_by_tenant()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var owned = db.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).ToList();

        Assert.NotEmpty(owned);
        foreach (var entity in owned)
        {
            Assert.NotEmpty(entity.GetDeclaredQueryFilters());
            var leadsWithTenant = entity.GetKeys().Concat<IReadOnlyKey>([]).Any(k => k.Properties[0].Name == nameof(ITenantOwned.TenantId))
                || entity.GetIndexes().Any(i => i.Properties[0].Name == nameof(ITenantOwned.TenantId));
            Assert.True(leadsWithTenant, $"{entity.ClrType.Name} has no key or index starting with TenantId.");
        }
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }
}

public sealed class SchemaTestsSqlite(SqliteFixture fixture) : SchemaTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class SchemaTestsPostgres(PostgresFixture fixture) : SchemaTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
