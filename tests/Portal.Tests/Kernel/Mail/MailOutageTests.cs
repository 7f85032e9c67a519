using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Core;
using Portal.Core.Mail;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Mail;

/// <summary>
/// The mail server is down: messages stay queued, wait their backoff (a clock the test moves),
/// go out once when it is back, and are given up — visibly — after the last attempt.
/// One host per test, its SMTP port unused until the test starts the server on it.
/// </summary>
public sealed class MailOutageTests : IAsyncLifetime
{
    private readonly ShiftableClock _clock = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task While_the_server_is_down_messages_wait_their_backoff_and_go_out_once_when_it_is_back()
    {
        await using var smtp = new TestSmtpServer();
        await using var host = MailTestHost.Create(_database, MailTestHost.Smtp(smtp.Port, m => m.RetrySeconds = 60), _clock);
        var site = MailTestHost.DefaultSite(host);
        var to = "cho-may-chu@nguoidan.vn";
        for (var i = 0; i < 3; i++)
        {
            await MailTestHost.EnqueueAsync(host, site, MailTestHost.Message(to, subject: $"Nhắc hạn trả lời số {i}"));
        }

        Assert.True(await MailTestHost.EventuallyAsync(async () => (await MailTestHost.RowsAsync(host, site)).All(r => r.Attempts == 1)), "the sender never tried");
        var waiting = await MailTestHost.RowsAsync(host, site);
        Assert.All(waiting, r =>
        {
            Assert.Equal(OutboxState.Pending, r.State);
            Assert.Contains("SocketException", r.LastError, StringComparison.Ordinal);
            Assert.InRange(r.NextAttemptUtc - r.LastAttemptUtc!.Value, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(61));
        });

        // Back up, but the backoff is not over: three more rounds of the sender leave the queue alone.
        await smtp.StartAsync();
        await Task.Delay(3000);
        Assert.Empty(smtp.Received);
        Assert.All(await MailTestHost.RowsAsync(host, site), r => Assert.Equal(1, r.Attempts));

        _clock.Offset += TimeSpan.FromSeconds(61);
        await smtp.WaitForAsync(to, 3);
        await Task.Delay(2500);

        Assert.Equal(["Nhắc hạn trả lời số 0", "Nhắc hạn trả lời số 1", "Nhắc hạn trả lời số 2"], smtp.To(to).Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.All(await MailTestHost.RowsAsync(host, site), r => Assert.Equal((OutboxState.Sent, 2), (r.State, r.Attempts)));
    }

    [Fact]
    public async Task After_the_last_attempt_a_message_is_given_up_with_its_error_kept_and_can_be_retried()
    {
        await using var smtp = new TestSmtpServer();
        await using var host = MailTestHost.Create(_database, MailTestHost.Smtp(smtp.Port, m =>
        {
            m.RetrySeconds = 1;
            m.MaxRetrySeconds = 1;
            m.MaxAttempts = 3;
        }));
        var site = MailTestHost.DefaultSite(host);
        var to = "bo-cuoc@nguoidan.vn";
        await MailTestHost.EnqueueAsync(host, site, MailTestHost.Message(to));

        Assert.True(await MailTestHost.EventuallyAsync(async () => (await MailTestHost.RowsAsync(host, site)).Single().State == OutboxState.Failed), "never given up");
        var row = (await MailTestHost.RowsAsync(host, site)).Single();
        Assert.Equal(3, row.Attempts);
        Assert.Contains("SocketException", row.LastError, StringComparison.Ordinal);
        await Task.Delay(2500);
        Assert.Equal(3, (await MailTestHost.RowsAsync(host, site)).Single().Attempts);

        await smtp.StartAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MailQueue>().RetryFailedAsync(row.Id));
        }

        Assert.Single(await smtp.WaitForAsync(to));

        // The server has the message before the sender has marked its row: wait for the mark.
        Assert.True(await MailTestHost.EventuallyAsync(async () => (await MailTestHost.RowsAsync(host, site)).Single().State == OutboxState.Sent), "never marked sent");
    }

    [Fact]
    public async Task Without_a_host_messages_are_written_as_eml_files_to_the_pickup_folder()
    {
        await using var host = MailTestHost.Create(_database);
        var site = MailTestHost.DefaultSite(host);
        var message = MailTestHost.Message("thu-muc@nguoidan.vn", subject: "Thư thử: Đơn đề nghị của ông Trần Văn Đức đã được tiếp nhận");
        await MailTestHost.EnqueueAsync(host, site, message);

        var folder = Path.Combine(_database.DataPath, "mail-pickup");
        Assert.True(await MailTestHost.EventuallyAsync(() => Task.FromResult(Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml").Length == 1)), "no .eml file");
        await Task.Delay(1500);

        var file = Assert.Single(Directory.GetFiles(folder));
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal(message.Subject, mail.Subject);
        Assert.Equal(message.TextBody.ReplaceLineEndings(), mail.TextBody!.TrimEnd().ReplaceLineEndings());
        var row = Assert.Single(await MailTestHost.RowsAsync(host, site));
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal($"portal-outbox-{site.Id}-{row.Id}.eml", Path.GetFileName(file));
    }
}
