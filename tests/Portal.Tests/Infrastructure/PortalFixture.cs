using Microsoft.Extensions.DependencyInjection;
using Portal.Core;

namespace Portal.Tests.Infrastructure;

/// <summary>One host and database shared by the tests of a class, per provider.</summary>
public abstract class PortalFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private PortalFactory? _factory;

    public PortalFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialized.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _factory = new PortalFactory(_database, ConfigureServices);
        _ = _factory.Server; // starts the host: migrations and auto-setup run now
    }

    /// <summary>A fixture's own services for its host (none by default).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _database?.Dispose();
    }
}

public sealed class SqliteFixture() : PortalFixture(DatabaseProvider.Sqlite);

public sealed class PostgresFixture() : PortalFixture(DatabaseProvider.Postgres);
