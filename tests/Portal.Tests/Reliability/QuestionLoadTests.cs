using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Portal.Tests.Infrastructure;
using Portal.Web.Cli;
using Xunit.Abstractions;

namespace Portal.Tests.Reliability;

/// <summary>
/// Issue #12, "Reliability checks": QUESTIONS_LOAD_CLIENTS concurrent submitters (200) for
/// QUESTIONS_LOAD_SECONDS (5 in the suite, 60 from tests/bench/questions.sh) against the built
/// server on loopback (Kestrel, SQLite), in two phases: anonymous callers, half through the form and
/// half through the API with a solved challenge (one loopback address: the per-address limit refuses
/// nearly all of them), then one integrator's token with a high per-client limit. Every accepted
/// question must be stored once with a unique code, retrievable by GET and with its mail queued;
/// nothing may answer 5xx; every refusal is 429, with problem details on the API.
/// </summary>
[Trait("Category", "Process")]
public sealed class QuestionLoadTests(ITestOutputHelper output) : IDisposable
{
    private const string Secret = "Load-Secret-0123456789-abc";

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "portal-load-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private sealed class Tally
    {
        public ConcurrentBag<string> Codes { get; } = [];

        public ConcurrentBag<double> Milliseconds { get; } = [];

        public ConcurrentQueue<string> Failures { get; } = new();

        public int Accepted;
        public int Limited;
        public int Other;
        public int ServerErrors;

        public string Line(string phase)
        {
            var sorted = Milliseconds.Order().ToList();
            return string.Create(CultureInfo.InvariantCulture,
                $"{phase,-32} requests {sorted.Count,7}  accepted {Accepted,6}  429 {Limited,7}  other {Other,5}  5xx {ServerErrors,3}  p50 {ReliabilitySettings.Percentile(sorted, 0.5),7:F1} ms  p99 {ReliabilitySettings.Percentile(sorted, 0.99),7:F1} ms");
        }
    }

    [Fact]
    public async Task Concurrent_submitters_get_each_accepted_question_stored_once_and_refusals_as_429()
    {
        var clients = ReliabilitySettings.Int("QUESTIONS_LOAD_CLIENTS", 200);
        var seconds = ReliabilitySettings.Int("QUESTIONS_LOAD_SECONDS", 5);
        var settings = new Dictionary<string, string>
        {
            ["Portal__DataPath"] = _dataPath,
            ["Portal__AutoSetup__Demo"] = "false",
            ["Portal__Admin__Password"] = PortalFactory.AdminPassword,
            ["Portal__Forms__ChallengeBits"] = "10",
            ["Portal__Questions__SubmissionsPerClientPerHour"] = "10000000",
            ["Portal__Questions__LookupsPerAddressPerMinute"] = "10000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        await using var portal = await PortalProcess.StartAsync(settings);
        var cli = await CliRunner.RunAsync(["api-clients", "add", "--client-id", "cong-dich-vu-cong", "--client-secret", Secret, "--scopes", "questions.submit"],
            new StringWriter(), new StringWriter(),
            builder => builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value)));
        Assert.Equal(0, cli);
        using var tokenHttp = new HttpClient();
        using var tokenResponse = await tokenHttp.PostAsync(portal.BaseUrl + "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "cong-dich-vu-cong", ["client_secret"] = Secret, ["scope"] = "questions.submit",
        }));
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;

        var anonymous = new Tally();
        await RunAsync(clients, seconds, async (http, worker, n) =>
        {
            if (worker % 2 == 0)
            {
                var (response, code) = await QuestionTraffic.PostFormAsync(http, portal.BaseUrl, n);
                return (response, code, "form");
            }

            var api = await QuestionTraffic.PostApiAsync(http, portal.BaseUrl, QuestionTraffic.Body(n, await QuestionTraffic.ChallengeAsync(http, portal.BaseUrl)));
            return (api, null, "api");
        }, anonymous);

        var integrator = new Tally();
        await RunAsync(clients, seconds, async (http, _, n) =>
            (await QuestionTraffic.PostApiAsync(http, portal.BaseUrl, QuestionTraffic.Body(n), token), null, "api"), integrator);

        // Every accepted code: unique, stored once, retrievable, its mail queued.
        var codes = anonymous.Codes.Concat(integrator.Codes).ToList();
        var stored = await ScalarAsync("SELECT COUNT(*) FROM \"Questions\"");
        var doubled = await ScalarAsync("SELECT COUNT(*) FROM (SELECT \"TrackingCode\" FROM \"Questions\" GROUP BY \"TenantId\", \"TrackingCode\" HAVING COUNT(*) > 1) d");
        var mails = await ScalarAsync("SELECT COUNT(*) FROM \"MailOutbox\" WHERE \"Key\" LIKE 'question-received-%'");
        var lookups = Stopwatch.StartNew();
        var missing = new ConcurrentQueue<string>();
        using (var http = new HttpClient())
        {
            await Parallel.ForEachAsync(codes, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (code, ct) =>
            {
                using var response = await http.GetAsync($"{portal.BaseUrl}/api/questions/{code}", ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    missing.Enqueue($"{code}: {(int)response.StatusCode}");
                }
            });
        }

        var report = new List<string>
        {
            $"questions load: {clients} submitters, {seconds} s a phase, loopback, SQLite, challenge 10 bits (load average: {File.ReadAllText("/proc/loadavg").Trim()})",
            anonymous.Line("anonymous (form + API)"),
            integrator.Line("token client (high limit)"),
            $"accepted {codes.Count}, unique codes {codes.Distinct().Count()}, rows {stored}, codes stored twice {doubled}, mails queued {mails}, GET of every code: {codes.Count - missing.Count} found in {lookups.Elapsed.TotalSeconds:F1} s",
        };
        foreach (var line in report)
        {
            output.WriteLine(line);
        }

        foreach (var failure in anonymous.Failures.Concat(integrator.Failures).Take(20))
        {
            output.WriteLine(failure);
        }

        ReliabilitySettings.Report(report.Concat(anonymous.Failures.Concat(integrator.Failures).Take(20)));

        Assert.Equal(0, anonymous.ServerErrors + integrator.ServerErrors);
        Assert.Empty(anonymous.Failures.Concat(integrator.Failures));
        Assert.True(anonymous.Limited > 0, "the per-address limit never refused anyone");
        Assert.True(integrator.Accepted > 0);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(codes.Count, stored);
        Assert.Equal(0, doubled);
        Assert.Equal(codes.Count, mails);
        Assert.Empty(missing);
    }

    /// <summary><paramref name="clients"/> workers, each with its own connection and cookies, sending for <paramref name="seconds"/>.</summary>
    private static async Task RunAsync(int clients, int seconds, Func<HttpClient, int, int, Task<(HttpResponseMessage Response, string? Code, string Kind)>> send, Tally tally)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var counter = 0;
        var workers = Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                Timeout = TimeSpan.FromSeconds(100),
            };
            while (DateTime.UtcNow < until)
            {
                var n = Interlocked.Increment(ref counter);
                var watch = Stopwatch.StartNew();
                HttpResponseMessage? response = null;
                try
                {
                    var (answer, formCode, kind) = await send(http, worker, n);
                    response = answer;
                    tally.Milliseconds.Add(watch.Elapsed.TotalMilliseconds);
                    await CountAsync(tally, answer, formCode, kind);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    tally.Failures.Enqueue($"request {n}: {ex.GetType().Name}: {ex.Message}");
                    Interlocked.Increment(ref tally.Other);
                }
                finally
                {
                    response?.Dispose();
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
    }

    private static async Task CountAsync(Tally tally, HttpResponseMessage response, string? formCode, string kind)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            Interlocked.Increment(ref tally.ServerErrors);
            tally.Failures.Enqueue($"{kind}: {status} {await response.Content.ReadAsStringAsync()}");
        }
        else if (status == 429)
        {
            Interlocked.Increment(ref tally.Limited);
            var media = response.Content.Headers.ContentType?.MediaType;
            var body = await response.Content.ReadAsStringAsync();
            var ok = kind == "api"
                ? media == "application/problem+json" && JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32() == 429
                : media == "text/html" && body.Contains("Quá nhiều yêu cầu", StringComparison.Ordinal);
            if (!ok || response.Headers.RetryAfter is null)
            {
                tally.Failures.Enqueue($"{kind}: 429 without its body or Retry-After: {media} {body[..Math.Min(200, body.Length)]}");
            }
        }
        else if (kind == "api" && status == 201)
        {
            Interlocked.Increment(ref tally.Accepted);
            tally.Codes.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingCode").GetString()!);
        }
        else if (kind == "form" && formCode is not null)
        {
            Interlocked.Increment(ref tally.Accepted);
            tally.Codes.Add(formCode);
        }
        else
        {
            Interlocked.Increment(ref tally.Other);
            var body = await response.Content.ReadAsStringAsync();
            tally.Failures.Enqueue($"{kind}: {status} {body[..Math.Min(300, body.Length)]}");
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataPath, "portal.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
