using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Core;
using Portal.Core.Mail;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Mail;

/// <summary>One host per provider whose outbox sends to a real SMTP server on loopback.</summary>
public abstract class MailFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();

    public TestDatabase Database { get; private set; } = null!;

    public PortalFactory Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        Database = await TestDatabase.CreateAsync(provider);
        Host = MailTestHost.Create(Database, MailTestHost.Smtp(Smtp.Port));
        _ = Host.Server;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        Database.Dispose();
    }
}

public sealed class MailSqliteFixture() : MailFixture(DatabaseProvider.Sqlite);

public sealed class MailPostgresFixture() : MailFixture(DatabaseProvider.Postgres);

/// <summary>
/// The outbox as a module uses it (queued in its own unit of work) and as a citizen receives it
/// (the bytes a real SMTP server accepted, parsed by MimeKit).
/// </summary>
public abstract class MailOutboxTests<TFixture>(TFixture fixture)
    where TFixture : MailFixture
{
    private PortalFactory Host => fixture.Host;

    private TestSmtpServer Smtp => fixture.Smtp;

    private static string Address(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}@nguoidan.vn";

    [Fact]
    public async Task A_committed_message_is_sent_once_with_its_vietnamese_text_intact()
    {
        var site = await Host.ProvisionAsync("xa-thu-" + typeof(TFixture).Name[4..8].ToLowerInvariant());
        var to = Address("huong");
        var message = new MailMessage("qna:answered:Q-2026-0042", $"Nguyễn Thị Hương <{to}>", "Trả lời câu hỏi: Thủ tục đăng ký kết hôn ở xã Hồng Hà",
            "Kính gửi bà Nguyễn Thị Hương,\n\nỦy ban nhân dân xã đã trả lời câu hỏi của bà về thủ tục đăng ký kết hôn.\n\nTrân trọng.")
        {
            HtmlBody = "<p>Kính gửi bà <strong>Nguyễn Thị Hương</strong>,</p><p>Ủy ban nhân dân xã đã trả lời câu hỏi của bà.</p>",
        };

        Assert.True(await MailTestHost.EnqueueAsync(Host, site, message));
        var received = await Smtp.WaitForAsync(to);
        await Task.Delay(2500); // two more rounds of the sender: nothing goes out again

        var mail = Assert.Single(Smtp.To(to));
        Assert.Equal(message.Subject, mail.Subject);
        Assert.Equal(message.TextBody.ReplaceLineEndings(), mail.TextBody!.TrimEnd().ReplaceLineEndings());
        Assert.Contains("<strong>Nguyễn Thị Hương</strong>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Nguyễn Thị Hương", mail.To.Mailboxes.Single().Name);
        var from = mail.From.Mailboxes.Single();
        Assert.Equal(MailTestHost.From, from.Address);
        Assert.Equal(site.DisplayName, from.Name);
        var row = Assert.Single(await MailTestHost.RowsAsync(Host, site));
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SentUtc);
        Assert.Null(row.ClaimToken);
        Assert.Equal($"portal-outbox-{site.Id}-{row.Id}@anhoa.gov.vn", mail.MessageId);
        Assert.Single(received);
    }

    [Fact]
    public async Task A_message_queued_in_a_unit_of_work_that_rolls_back_is_never_sent()
    {
        var site = MailTestHost.DefaultSite(Host);
        var lost = Address("rollback");
        var marker = Address("marker");

        Assert.True(await MailTestHost.EnqueueAsync(Host, site, MailTestHost.Message(lost), commit: false));
        Assert.True(await MailTestHost.EnqueueAsync(Host, site, MailTestHost.Message(marker)));

        // The marker was queued after the rolled-back one: once it has arrived, the sender has looked past it.
        Assert.Single(await Smtp.WaitForAsync(marker));
        await Task.Delay(1500);
        Assert.Empty(Smtp.To(lost));
        Assert.DoesNotContain(await MailTestHost.RowsAsync(Host, site), r => r.To == lost);
    }

    [Fact]
    public async Task The_same_key_is_queued_once_however_often_it_is_enqueued()
    {
        var site = MailTestHost.DefaultSite(Host);
        var to = Address("key");
        var key = "qna:reminder:Q-2026-0007:2026-12-08:" + to;

        await using (var scope = Host.Service<Portal.Core.Tenancy.TenantScopeFactory>().CreateScope(site))
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
            Assert.True(await outbox.EnqueueAsync(MailTestHost.Message(to, key: key)));
            Assert.False(await outbox.EnqueueAsync(MailTestHost.Message(to, key: key)));
            await scope.ServiceProvider.GetRequiredService<Portal.Core.Persistence.PortalDbContext>().SaveChangesAsync();
        }

        Assert.False(await MailTestHost.EnqueueAsync(Host, site, MailTestHost.Message(to, key: key)));
        await Smtp.WaitForAsync(to);
        Assert.False(await MailTestHost.EnqueueAsync(Host, site, MailTestHost.Message(to, key: key)));
        await Task.Delay(1500);

        Assert.Single(Smtp.To(to));
        Assert.Single(await MailTestHost.RowsAsync(Host, site), r => r.Key == key);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_given_up_at_once_with_the_servers_answer()
    {
        var site = MailTestHost.DefaultSite(Host);
        var refused = Address("reject");
        var key = "test:refused:" + refused;
        await MailTestHost.EnqueueAsync(Host, site, MailTestHost.Message(refused, key: key));

        Assert.True(await MailTestHost.EventuallyAsync(async () => (await MailTestHost.RowsAsync(Host, site)).Single(r => r.Key == key).State == OutboxState.Failed));
        var row = (await MailTestHost.RowsAsync(Host, site)).Single(r => r.Key == key);
        Assert.Equal(1, row.Attempts);
        Assert.StartsWith("SMTP 5", row.LastError, StringComparison.Ordinal);

        await using var scope = Host.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<MailQueue>().SummaryAsync(100);
        Assert.Contains(summary.Errors, e => e.Id == row.Id && e.State == "Failed" && e.Site == site.Name && e.LastError == row.LastError);
        Assert.True(summary.Failed >= 1);
    }

    [Fact]
    public async Task Two_senders_on_one_database_send_each_message_once()
    {
        await using var second = MailTestHost.Create(fixture.Database, MailTestHost.Smtp(Smtp.Port));
        _ = second.Server;
        var site = MailTestHost.DefaultSite(Host);
        var to = Address("hai-nut");
        const int count = 60;

        await using (var scope = Host.Service<Portal.Core.Tenancy.TenantScopeFactory>().CreateScope(site))
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
            for (var i = 0; i < count; i++)
            {
                await outbox.EnqueueAsync(MailTestHost.Message(to, subject: $"Thông báo số {i}", key: $"two-nodes:{to}:{i}"));
            }

            await scope.ServiceProvider.GetRequiredService<Portal.Core.Persistence.PortalDbContext>().SaveChangesAsync();
        }

        // Both nodes' loops run; on top of them, rounds called on both at once press the claims harder.
        var senders = new[] { Host.Service<MailOutboxSender>(), second.Service<MailOutboxSender>() };
        for (var round = 0; round < 4; round++)
        {
            await Task.WhenAll(senders.Concat(senders).Select(s => Task.Run(() => s.SendDueAsync(CancellationToken.None))));
        }

        await Smtp.WaitForAsync(to, count);
        await Task.Delay(2500);

        var subjects = Smtp.To(to).Select(m => m.Subject).ToList();
        Assert.Equal(count, subjects.Count);
        Assert.Equal(count, subjects.Distinct(StringComparer.Ordinal).Count());
        var rows = (await MailTestHost.RowsAsync(Host, site)).Where(r => r.To == to).ToList();
        Assert.All(rows, r => Assert.Equal((OutboxState.Sent, 1), (r.State, r.Attempts)));
    }
}

public sealed class MailOutboxTestsSqlite(MailSqliteFixture fixture) : MailOutboxTests<MailSqliteFixture>(fixture), IClassFixture<MailSqliteFixture>;

public sealed class MailOutboxTestsPostgres(MailPostgresFixture fixture) : MailOutboxTests<MailPostgresFixture>(fixture), IClassFixture<MailPostgresFixture>;
