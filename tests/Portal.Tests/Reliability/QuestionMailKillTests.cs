using Microsoft.Data.Sqlite;
using Portal.Tests.Infrastructure;
using Portal.Tests.Kernel.Mail;
using Xunit.Abstractions;

namespace Portal.Tests.Reliability;

/// <summary>
/// Issue #12, "Reliability checks", the outbox under a crash with questions' mail: the built server
/// with its SMTP server down, questions submitted through the API (anonymous, challenge solved),
/// each receipt tried once, the process killed with SIGKILL, the mail server brought up and the
/// portal started again on the same data: every sender gets their tracking code exactly once.
/// </summary>
[Trait("Category", "Process")]
public sealed class QuestionMailKillTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "portal-qkill-" + Guid.NewGuid().ToString("N")[..8]);

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
    public async Task Killed_with_question_receipts_unsent_the_portal_sends_each_once_after_a_restart()
    {
        var count = ReliabilitySettings.Int("QUESTIONS_KILL_MESSAGES", 8);
        await using var smtp = new TestSmtpServer(); // down: nothing listens on its port yet
        var settings = new Dictionary<string, string>
        {
            ["Portal__DataPath"] = _dataPath,
            ["Portal__AutoSetup__Demo"] = "false",
            ["Portal__Admin__Password"] = PortalFactory.AdminPassword,
            ["Portal__Forms__ChallengeBits"] = "8",
            ["Portal__Questions__SubmissionsPerAddressPerHour"] = "1000",
            ["Portal__Mail__Host"] = "127.0.0.1",
            ["Portal__Mail__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal__Mail__Security"] = "None",
            ["Portal__Mail__PollSeconds"] = "1",
            ["Portal__Mail__RetrySeconds"] = "1",
            ["Portal__Mail__MaxRetrySeconds"] = "2",
            ["Portal__Mail__TimeoutSeconds"] = "2",
            ["Portal__Mail__MaxAttempts"] = "1000",
        };
        var codes = new List<string>();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await using (var first = await PortalProcess.StartAsync(settings))
        {
            using var http = new HttpClient();
            for (var i = 1; i <= count; i++)
            {
                using var response = await QuestionTraffic.PostApiAsync(http, first.BaseUrl, QuestionTraffic.Body(i, await QuestionTraffic.ChallengeAsync(http, first.BaseUrl)));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
                codes.Add(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("trackingCode").GetString()!);
            }

            Assert.True(await MailTestHost.EventuallyAsync(async () => await CountAsync("\"Attempts\" >= 1") == count, 40), "the server never tried to send: " + first.Log);
            await first.KillAsync();
        }

        var pendingAfterKill = await CountAsync("\"State\" = 'Pending'");
        await smtp.StartAsync();
        await using (var second = await PortalProcess.StartAsync(settings))
        {
            for (var i = 1; i <= count; i++)
            {
                Assert.True((await smtp.WaitForAsync($"nguoi-gui-{i}@example.vn", 1, seconds: 60)).Count > 0, $"nguoi-gui-{i} received nothing: {second.Log}");
            }

            await Task.Delay(3000); // three more rounds: nothing goes out twice
        }

        var line = $"questions kill: {count} receipts queued while SMTP was down, {pendingAfterKill} pending after SIGKILL, {smtp.Received.Count} delivered after the restart ({watch.Elapsed.TotalSeconds:F0} s)";
        output.WriteLine(line);
        ReliabilitySettings.Report([line]);

        Assert.Equal(count, pendingAfterKill);
        for (var i = 1; i <= count; i++)
        {
            var message = Assert.Single(smtp.To($"nguoi-gui-{i}@example.vn"));
            Assert.Contains(codes[i - 1], message.Subject);
        }

        Assert.Equal(count, smtp.Received.Count);
        Assert.Equal(count, await CountAsync("\"State\" = 'Sent'"));
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
