using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Portal.Core.Persistence;

/// <summary>
/// EF Core looks for migrations in one assembly; modules own theirs. This gathers the kernel's and
/// every module's migrations into one chain ordered by id, so <c>Database.Migrate()</c> (with its
/// history table and its lock against two nodes migrating at once) runs them all.
/// </summary>
internal sealed class PortalMigrationsAssembly : IMigrationsAssembly
{
    private readonly Lazy<IReadOnlyDictionary<string, TypeInfo>> _migrations;

    public PortalMigrationsAssembly(ICurrentDbContext currentContext)
    {
        var context = (PortalDbContext)currentContext.Context;
        _migrations = new(() => Discover([typeof(PortalDbContext).Assembly, .. context.Modules.ModuleAssemblies]));
    }

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations.Value;

    // No snapshot: migrations are hand-written (EF design tools do not restore here); the schema
    // test compares the migrated database with the model instead.
    public ModelSnapshot? ModelSnapshot => null;

    public Assembly Assembly => typeof(PortalDbContext).Assembly;

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id =>
            string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..], nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType(), nonPublic: true)!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    internal static SortedList<string, TypeInfo> Discover(IEnumerable<Assembly> assemblies)
    {
        var result = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in assemblies.Distinct().SelectMany(a => a.DefinedTypes))
        {
            if (!type.IsSubclassOf(typeof(Migration)) || type.IsAbstract)
            {
                continue;
            }

            var context = type.GetCustomAttribute<DbContextAttribute>()?.ContextType;
            var id = type.GetCustomAttribute<MigrationAttribute>()?.Id;
            if (context == typeof(PortalDbContext) && id is not null)
            {
                if (!result.TryAdd(id, type))
                {
                    throw new InvalidOperationException($"Two migrations share the id '{id}': {result[id].FullName} and {type.FullName}.");
                }
            }
        }

        return result;
    }
}
