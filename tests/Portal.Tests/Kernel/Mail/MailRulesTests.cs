using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Portal.Core;
using Portal.Core.Mail;

namespace Portal.Tests.Kernel.Mail;

/// <summary>The outbox's rules that need no host: addresses, limits, backoff, failure kinds, composition.</summary>
[Trait("Category", "Fast")]
public sealed class MailRulesTests
{
    [Theory]
    [InlineData("huong@nguoidan.vn", true)]
    [InlineData("Nguyễn Thị Hương <huong@nguoidan.vn>", true)]
    [InlineData("  huong@nguoidan.vn ", true)]
    [InlineData("", false)]
    [InlineData("huong", false)]
    [InlineData("huong@", false)]
    [InlineData("@nguoidan.vn", false)]
    [InlineData("a@nguoidan.vn, b@nguoidan.vn", false)]
    [InlineData("nhom: a@nguoidan.vn;", false)]
    [InlineData("huong@nguoidan.vn\r\nBcc: x@evil.test", false)]
    public void An_address_is_one_mailbox(string address, bool valid) =>
        Assert.Equal(valid, MailAddresses.IsValid(address));

    [Fact]
    public void An_address_longer_than_320_characters_is_refused() =>
        Assert.False(MailAddresses.IsValid(new string('a', 310) + "@nguoidan.vn"));

    [Theory]
    [InlineData("", "a@b.vn", "Tiêu đề", "Nội dung", "key")]
    [InlineData("k", "khong-phai-dia-chi", "Tiêu đề", "Nội dung", "e-mail address")]
    [InlineData("k", "a@b.vn", "Dòng một\nBcc: x@evil.test", "Nội dung", "one line")]
    [InlineData("k", "a@b.vn", " ", "Nội dung", "subject")]
    [InlineData("k", "a@b.vn", "Tiêu đề", "", "text")]
    public void A_message_the_rules_refuse_is_an_argument_error_with_a_reason(string key, string to, string subject, string text, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => MailOutbox.Validate(new MailMessage(key, to, subject, text)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_doubles_from_the_first_wait_up_to_the_cap()
    {
        var settings = new MailSettings { RetrySeconds = 60, MaxRetrySeconds = 3600 };
        var waits = Enumerable.Range(1, 9).Select(a => MailRetry.Delay(a, settings).TotalSeconds).ToArray();

        Assert.Equal([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600], waits);
        Assert.Equal(TimeSpan.FromHours(1), MailRetry.Delay(1000, settings));
        Assert.Equal(TimeSpan.FromSeconds(1), MailRetry.Delay(1, new MailSettings { RetrySeconds = 0, MaxRetrySeconds = 0 }));
    }

    [Fact]
    public void Only_a_refused_recipient_or_message_is_given_up_at_once()
    {
        var mailbox = new MailboxAddress("", "a@b.vn");
        Assert.True(MailRetry.IsPermanent(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, mailbox, "No such user")));
        Assert.True(MailRetry.IsPermanent(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "Rejected")));
        Assert.False(MailRetry.IsPermanent(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, mailbox, "Try later")));
        Assert.False(MailRetry.IsPermanent(new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxUnavailable, mailbox, "Relay denied")));
        Assert.False(MailRetry.IsPermanent(new System.Net.Sockets.SocketException(111)));
        Assert.False(MailRetry.IsPermanent(new AuthenticationException("535 bad credentials")));
        Assert.False(MailRetry.IsPermanent(new OperationCanceledException()));
    }

    [Fact]
    public void An_error_is_recorded_as_one_bounded_line()
    {
        var text = MailRetry.Describe(new InvalidOperationException("dòng một\r\ndòng hai " + new string('x', 2000)));

        Assert.DoesNotContain('\n', text);
        Assert.StartsWith("InvalidOperationException: dòng một dòng hai", text, StringComparison.Ordinal);
        Assert.Equal(1000, text.Length);
    }

    [Theory]
    [InlineData(MailSecurity.Auto, 587, SecureSocketOptions.StartTls)]
    [InlineData(MailSecurity.Auto, 25, SecureSocketOptions.StartTls)]
    [InlineData(MailSecurity.Auto, 465, SecureSocketOptions.SslOnConnect)]
    [InlineData(MailSecurity.None, 25, SecureSocketOptions.None)]
    [InlineData(MailSecurity.SslOnConnect, 2465, SecureSocketOptions.SslOnConnect)]
    public void Auto_security_never_falls_back_to_plain_text(MailSecurity security, int port, SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpMailTransport.SocketOptions(new MailSettings { Security = security, Port = port }));

    [Fact]
    public void A_composed_message_keeps_vietnamese_text_through_the_wire_format()
    {
        var row = new OutboxMessage
        {
            Id = 42,
            TenantId = 7,
            To = "Trần Văn Đức <duc@nguoidan.vn>",
            Subject = "Phản hồi kiến nghị: đường liên xã Hồng Hà – Đông Phong xuống cấp",
            TextBody = "Kính gửi ông Trần Văn Đức,\nỦy ban đã tiếp nhận kiến nghị của ông.",
            HtmlBody = "<p>Kính gửi ông <b>Trần Văn Đức</b></p>",
            CreatedUtc = new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc),
        };
        var message = MailComposer.Compose(row, new MailSettings { From = "no-reply@anhoa.gov.vn" }, "Xã Hồng Hà");

        using var wire = new MemoryStream();
        // As on the wire: CRLF line ends (MailKit's SmtpClient writes them whatever the platform).
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(format, wire);
        var bytes = wire.ToArray();
        var headerEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        wire.Position = 0;
        var parsed = MimeMessage.Load(wire);

        Assert.Equal(row.Subject, parsed.Subject);
        Assert.Equal(row.TextBody.ReplaceLineEndings(), parsed.TextBody!.TrimEnd().ReplaceLineEndings());
        Assert.Contains("<b>Trần Văn Đức</b>", parsed.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Xã Hồng Hà", parsed.From.Mailboxes.Single().Name);
        Assert.Equal("portal-outbox-7-42@anhoa.gov.vn", parsed.MessageId);
        Assert.Equal(row.CreatedUtc, parsed.Date.UtcDateTime);
        Assert.True(headerEnd > 0 && bytes.AsSpan(0, headerEnd).IndexOfAnyExceptInRange((byte)0, (byte)127) < 0, "headers are 7-bit (RFC 2047 words): " + System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Max(0, headerEnd)));
        Assert.Equal("portal-outbox-7-42.eml", PickupDirectoryTransport.FileName(message));
    }

    [Fact]
    public void The_configured_sender_name_wins_over_the_sites()
    {
        var row = new OutboxMessage { Id = 1, TenantId = 1, To = "a@b.vn", Subject = "S", TextBody = "T", CreatedUtc = DateTime.UtcNow };

        Assert.Equal("Cổng TTĐT tỉnh", MailComposer.Compose(row, new MailSettings { From = "Cổng TTĐT tỉnh <no-reply@anhoa.gov.vn>" }, "Xã A").From.Mailboxes.Single().Name);
        Assert.Equal("Bộ phận một cửa", MailComposer.Compose(row, new MailSettings { From = "no-reply@anhoa.gov.vn", FromName = "Bộ phận một cửa" }, "Xã A").From.Mailboxes.Single().Name);
        Assert.Throws<InvalidOperationException>(() => MailComposer.Compose(row, new MailSettings { From = "khong hop le" }, "Xã A"));
    }
}
