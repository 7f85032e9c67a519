using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Fuzz;

/// <summary>A host whose error log the fuzzer reads.</summary>
public sealed class FuzzFixture() : PortalFixture(DatabaseProvider.Sqlite)
{
    public ErrorLogCollector Errors { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Errors);
}

/// <summary>
/// Issue #10, item 10: every route of the endpoint table, public and admin, signed in and not, with
/// malformed values; no request may answer 5xx or leave an unhandled exception in the log. CI runs
/// a fixed-seed sample (FUZZ_REQUESTS, default 2,000; FUZZ_SEED); tests/bench/fuzz.sh runs 20,000.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class FuzzTests(FuzzFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzFixture>
{
    private const int DefaultSeed = 20261201;

    [Fact]
    public async Task No_route_answers_5xx_or_logs_an_unhandled_exception_for_malformed_input()
    {
        var requests = Setting("FUZZ_REQUESTS", 2_000);
        var seed = Setting("FUZZ_SEED", DefaultSeed);
        var factory = fixture.Factory;
        await factory.ProvisionAsync("xa-fuzz", hosts: []);
        await factory.ProvisionAsync("xa-fuzz-host", prefix: "", hosts: ["xafuzz.tinh.gov.vn"]);

        var admin = await AdminClient.SignedInAsync(factory);
        var anonymous = AdminClient.Create(factory);
        var site = new Uri("http://localhost/");
        var identities = new List<FuzzIdentity>
        {
            new("administrator", admin.Cookies.GetCookieHeader(site), await admin.TokenAsync("/admin/pages/create")),
            new("anonymous", "", ""),
            new("anonymous with a form token", "", ""),
        };
        var anonymousToken = await anonymous.TokenAsync("/admin/login");
        identities[2] = new("anonymous with a form token", anonymous.Cookies.GetCookieHeader(site), anonymousToken);

        // Signing out would end the fuzzer's own session; everything else is fair game.
        var targets = EndpointCatalog.Read(factory.Services).Where(t => !t.Template.EndsWith("logout", StringComparison.Ordinal)).ToList();
        Assert.Contains(targets, t => t.Template.StartsWith("admin", StringComparison.Ordinal));
        Assert.Contains(targets, t => t.Template.StartsWith("tin-tuc", StringComparison.Ordinal));
        while (fixture.Errors.Errors.TryDequeue(out _))
        {
        }

        var report = await new FuzzRunner(factory.Server, targets, identities, "xa-fuzz").RunAsync(seed, requests, parallelism: 3);
        report.Unhandled.AddRange(fixture.Errors.Errors);

        var summary = report.Summary(seed);
        output.WriteLine(summary);
        foreach (var line in report.ServerErrors.Concat(report.Unhandled).Take(50))
        {
            output.WriteLine(line);
        }

        if (Environment.GetEnvironmentVariable("FUZZ_REPORT") is { Length: > 0 } path)
        {
            await File.WriteAllLinesAsync(path, [summary, .. report.ServerErrors, .. report.Unhandled]);
        }

        Assert.Equal(requests, report.Requests);
        Assert.True(report.ServerErrors.Count == 0 && report.Unhandled.Count == 0,
            summary + "\n" + string.Join("\n", report.ServerErrors.Concat(report.Unhandled).Take(30)));
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
