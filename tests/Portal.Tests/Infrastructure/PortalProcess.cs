using System.Diagnostics;
using System.Net;
using System.Text;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The built Portal.Web.dll in its own process on a real port, with the settings a test gives it
/// as environment variables, and a way to kill it as the kernel would (SIGKILL: no shutdown, no
/// flush, no hosted service stopping). For tests of what survives a crash.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private PortalProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

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

    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var root = RunningPortal.RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(root, "src", "Portal.Web", "bin", configuration, "net10.0", "Portal.Web.dll");
        var baseUrl = $"http://127.0.0.1:{TestSmtpServer.FreePort()}";
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", baseUrl, "--contentRoot", Path.Combine(root, "src", "Portal.Web")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(root, "src", "Portal.Web"),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var portal = new PortalProcess(Process.Start(start)!, baseUrl);
        portal._process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        portal._process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        await portal.WaitHealthyAsync();
        return portal;
    }

    /// <summary>SIGKILL on Linux: the process ends where it is.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private Task WaitHealthyAsync() => RunningPortal.WaitHealthyAsync(_process, BaseUrl, () => Log, TimeSpan.FromSeconds(90));

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
