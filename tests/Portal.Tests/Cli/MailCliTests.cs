using Microsoft.Extensions.Configuration;
using Portal.Core;
using Portal.Tests.Infrastructure;
using Portal.Web.Cli;

namespace Portal.Tests.Cli;

/// <summary><c>mail send-test|queue|retry</c>: what an operator types, what it prints, its exit codes.</summary>
public sealed class MailCliTests : CliSession
{
    protected override Dictionary<string, string?> Settings =>
        new(Database.Settings) { ["Portal:Mail:Host"] = "127.0.0.1", ["Portal:Mail:Port"] = "2525" };

    [Fact]
    public async Task Send_test_queues_one_message_per_address_and_queue_counts_them()
    {
        var sent = await RunAsync("mail", "send-test", "--to", "quan-tri@anhoa.gov.vn", "--to", "Nguyễn Văn A <a@anhoa.gov.vn>");
        var queue = await RunAsync("mail", "queue");

        Assert.True(sent.Exit == 0, sent.Error);
        Assert.Contains("Queued 2 test message(s) of 'default'", sent.Out, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:2525", sent.Out, StringComparison.Ordinal);
        Assert.Equal(0, queue.Exit);
        Assert.Contains("Delivery: SMTP 127.0.0.1:2525 (Auto)", queue.Out, StringComparison.Ordinal);
        Assert.Contains("Pending: 2 due now, 0 waiting to retry", queue.Out, StringComparison.Ordinal);
        Assert.Contains("Failed (given up): 0", queue.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "needs --to", "mail", "send-test")]
    [InlineData(2, "one e-mail address, got 'a@b.vn, c@d.vn'", "mail", "send-test", "--to", "a@b.vn, c@d.vn")]
    [InlineData(2, "one e-mail address, got 'khong-phai-dia-chi'", "mail", "send-test", "--to", "khong-phai-dia-chi")]
    [InlineData(1, "no tenant named 'khong-co'", "mail", "send-test", "--to", "a@b.vn", "--tenant", "khong-co")]
    [InlineData(2, "--errors takes a number", "mail", "queue", "--errors", "nhieu")]
    [InlineData(2, "--errors takes a number", "mail", "queue", "--errors", "-1")]
    [InlineData(2, "--id takes a message number", "mail", "retry", "--id", "abc")]
    [InlineData(1, "no failed message #999", "mail", "retry", "--id", "999")]
    [InlineData(2, "unknown option --subject", "mail", "send-test", "--to", "a@b.vn", "--subject", "x")]
    [InlineData(2, "unknown command 'mail flush'", "mail", "flush")]
    public async Task Bad_input_is_one_line_and_a_non_zero_exit(int exit, string reason, params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(exit, result.Exit);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }
}
