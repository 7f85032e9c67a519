using Microsoft.Extensions.Configuration;
using Portal.Core;
using Portal.Web.Cli;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// An operator's shell on a fresh SQLite database: each <see cref="RunAsync"/> runs one CLI verb
/// in-process exactly as <c>dotnet Portal.Web.dll verb ...</c> would, and returns its exit code,
/// standard output and standard error.
/// </summary>
public abstract class CliSession : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The session has not started.");

    /// <summary>The configuration every verb runs with (the database's; a test class may add to it).</summary>
    protected virtual Dictionary<string, string?> Settings => Database.Settings;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public Task DisposeAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }

    protected async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var settings = Settings;
        var exit = await CliRunner.RunAsync(args, output, error, builder => builder.Configuration.AddInMemoryCollection(settings));
        return (exit, output.ToString(), error.ToString());
    }
}
