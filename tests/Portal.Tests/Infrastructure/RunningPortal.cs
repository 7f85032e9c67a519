using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The host as an operator starts it: the built Portal.Web.dll in its own process on a real
/// Kestrel port, with a fresh data folder. For the browser tests.
/// </summary>
public class RunningPortal : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private Process? _process;
    private string _dataPath = "";

    public string BaseUrl { get; private set; } = "";

    /// <summary>Whether the server sets up the demo content (and the demo's sites) at its first start.</summary>
    protected virtual bool Demo => false;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(root, "src", "Portal.Web", "bin", configuration, "net10.0", "Portal.Web.dll");
        _dataPath = Path.Combine(Path.GetTempPath(), "portal-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseUrl, "--contentRoot", Path.Combine(root, "src", "Portal.Web")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(root, "src", "Portal.Web"),
        };
        // Development: serves the modules' and themes' static assets from their projects, as `dotnet run` does.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Portal__DataPath"] = _dataPath;
        start.Environment["Portal__AutoSetup__Demo"] = Demo ? "true" : "false";
        start.Environment["Portal__Admin__Password"] = PortalFactory.AdminPassword;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // The demo's recipes (hundreds of documents and procedures) take a while on a busy machine.
        await WaitHealthyAsync(_process, BaseUrl, () => Log, TimeSpan.FromSeconds(Demo ? 240 : 60));
    }

    /// <summary>Until <c>/health</c> answers 200; the process's log in the error when it exits or the time runs out.</summary>
    public static async Task WaitHealthyAsync(Process process, string baseUrl, Func<string> log, TimeSpan timeout)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("Portal.Web exited during start: " + log());
            }

            try
            {
                if ((await http.GetAsync(baseUrl + "/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Portal.Web did not answer /health within {timeout.TotalSeconds:0} s: " + log());
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.Orchard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Portal.Orchard.sln not found above the test folder.");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The same server with the demo content, as <c>dotnet run</c> in Development starts it.</summary>
public sealed class RunningDemoPortal : RunningPortal
{
    protected override bool Demo => true;
}
