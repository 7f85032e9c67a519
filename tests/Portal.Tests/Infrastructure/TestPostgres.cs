using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by PORTAL_TEST_POSTGRES, or else a
/// throw-away cluster this process starts from the machine's PostgreSQL binaries (initdb +
/// pg_ctl in a temp folder) and stops at exit. Each test class gets a fresh database.
/// </summary>
internal static class TestPostgres
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Server.Value;
        var name = "portal_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): install postgresql-15, or set PORTAL_TEST_POSTGRES to a server's connection string.");
        }

        var root = Path.Combine(Path.GetTempPath(), "portal-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", $"postgres:postgres {root}");
        }

        var port = FreePort();
        var data = Path.Combine(root, "data");
        await RunAsPostgresAsync(asRoot, Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --no-sync --locale=C.UTF-8");
        var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsPostgresAsync(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {data} -l {Path.Combine(root, "server.log")} -w -o \"{options}\" start");

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // Best effort: a cluster or temp folder left behind is harmless, so failures are ignored.
            RunAsync("/bin/sh", $"-c '{(asRoot ? "runuser -u postgres -- " : "")}{Path.Combine(bin, "pg_ctl")} -D {data} -m immediate stop; rm -rf {root}' || true")
                .GetAwaiter().GetResult();
        };

        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(bool asRoot, string program, string arguments) =>
        asRoot ? RunAsync("runuser", $"-u postgres -- {program} {arguments}") : RunAsync(program, arguments);

    private static async Task RunAsync(string program, string arguments)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"{program} {arguments}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{program} {arguments}' failed ({process.ExitCode}): {await stderr} {await stdout}");
        }
    }
}
