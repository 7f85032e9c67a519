using Portal.Core;

namespace Portal.Tests.Infrastructure;

/// <summary>Where a test host keeps its data: a fresh SQLite file or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(DatabaseProvider provider, string? connectionString, string dataPath)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataPath = dataPath;
    }

    public DatabaseProvider Provider { get; }

    public string? ConnectionString { get; }

    public string DataPath { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "portal-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataPath);
        var connectionString = provider == DatabaseProvider.Postgres ? await TestPostgres.CreateDatabaseAsync() : null;
        return new TestDatabase(provider, connectionString, dataPath);
    }

    public Dictionary<string, string?> Settings => new()
    {
        ["Portal:DataPath"] = DataPath,
        ["Portal:Database:Provider"] = Provider.ToString(),
        ["Portal:Database:ConnectionString"] = ConnectionString ?? "",
        ["Portal:AutoSetup:Demo"] = "false",
        ["Portal:Admin:UserName"] = "admin",
        ["Portal:Admin:Password"] = PortalFactory.AdminPassword,
        ["Portal:TenantRefreshSeconds"] = "1",
        ["Portal:LoginAttemptsPerMinute"] = "1000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; a temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
