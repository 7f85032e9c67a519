using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Portal.Tests.Infrastructure;
using Portal.Web.Cli;
using Xunit.Abstractions;

namespace Portal.Tests.Kernel.Mail;

/// <summary>
/// The outbox survives a crash: the real server process (Portal.Web.dll) with mail pointing at an
/// SMTP server that is down, messages queued by the <c>mail send-test</c> verb and already tried
/// once, the process killed with SIGKILL, the mail server brought up and the portal started again
/// on the same data: every message arrives, each exactly once. 25–50 s (two server starts), with the machine's load.
/// </summary>
[Trait("Category", "Process")]
public sealed class MailKillTests(ITestOutputHelper output) : IDisposable
{
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();

    private void Step(string what) => output.WriteLine($"{_watch.Elapsed.TotalSeconds,6:F1} s  {what}");

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "portal-kill-" + Guid.NewGuid().ToString("N")[..8]);

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

    [Fact]
    public async Task Killed_with_mail_waiting_for_a_down_server_the_portal_sends_every_message_once_after_a_restart()
    {
        await using var smtp = new TestSmtpServer(); // down: nothing listens on its port yet
        var settings = new Dictionary<string, string>
        {
            ["Portal__DataPath"] = _dataPath,
            ["Portal__AutoSetup__Demo"] = "false",
            ["Portal__Admin__Password"] = PortalFactory.AdminPassword,
            ["Portal__Mail__Host"] = "127.0.0.1",
            ["Portal__Mail__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal__Mail__Security"] = "None",
            ["Portal__Mail__PollSeconds"] = "1",
            ["Portal__Mail__RetrySeconds"] = "1",
            ["Portal__Mail__MaxRetrySeconds"] = "2",
            ["Portal__Mail__TimeoutSeconds"] = "2",
            ["Portal__Mail__MaxAttempts"] = "1000",
        };
        var recipients = Enumerable.Range(1, 5).Select(i => $"cong-dan-{i}@nguoidan.vn").ToArray();

        await using (var first = await PortalProcess.StartAsync(settings))
        {
            Step("first server up");
            var error = new StringWriter();
            var exit = await CliRunner.RunAsync(["mail", "send-test", .. recipients.SelectMany(r => new[] { "--to", r })], new StringWriter(), error,
                builder => builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value)));
            Assert.True(exit == 0, error.ToString());
            Step("queued by the CLI");

            // Killed only once the running server has tried (and failed) every message at least once.
            Assert.True(await MailTestHost.EventuallyAsync(async () => await CountAsync("\"Attempts\" >= 1") == recipients.Length), "the server never tried to send: " + first.Log);
            Step("tried");
            await first.KillAsync();
            Step("killed");
        }

        Assert.Equal(recipients.Length, await CountAsync("\"State\" = 'Pending'"));
        await smtp.StartAsync();
        await using (var second = await PortalProcess.StartAsync(settings))
        {
            Step("second server up");
            foreach (var to in recipients)
            {
                Assert.True((await smtp.WaitForAsync(to, 1, seconds: 45)).Count > 0, $"{to} received nothing: {second.Log}");
            }

            Step("all received");
            await Task.Delay(3000); // three more rounds: nothing goes out twice
        }

        Assert.All(recipients, to => Assert.Single(smtp.To(to)));
        Assert.Equal(recipients.Length, smtp.Received.Count);
        Assert.Equal(recipients.Length, await CountAsync("\"State\" = 'Sent'"));
    }

    private async Task<long> CountAsync(string condition)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataPath, "portal.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"MailOutbox\" WHERE {condition}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
