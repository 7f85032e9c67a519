using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Mail;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;

namespace Portal.Web.Cli;

/// <summary>
/// <c>mail send-test|queue|retry</c> (docs/contracts.md): an administrator checks the mail
/// settings and watches the outbox. The CLI only queues and reads; the running server sends.
/// </summary>
internal static class MailCommands
{
    public static async Task<int> SendTestAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        var recipients = arguments.Options("to");
        if (recipients.Count == 0)
        {
            throw new CliUsageException("mail send-test needs --to ADDRESS (repeatable).");
        }

        if (recipients.FirstOrDefault(r => !MailAddresses.IsValid(r)) is { } bad)
        {
            throw new CliUsageException($"--to needs one e-mail address, got '{bad}'.");
        }

        var name = arguments.Option("tenant") ?? Tenant.DefaultName;
        var tenant = services.GetRequiredService<TenantCatalog>().FindByName(name)
            ?? throw new InvalidOperationException($"there is no tenant named '{name}'.");
        var mail = services.GetRequiredService<IOptions<PortalOptions>>().Value.Mail;

        await using (var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant))
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
            var sentAt = VietnamTime.Format(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            foreach (var to in recipients)
            {
                await outbox.EnqueueAsync(new MailMessage(
                    $"send-test:{Guid.NewGuid():N}",
                    to,
                    $"Thư thử cấu hình gửi thư — {tenant.DisplayName}",
                    $"""
                    Đây là thư thử do quản trị viên gửi bằng lệnh "mail send-test" lúc {sentAt} để kiểm tra cấu hình gửi thư của {tenant.DisplayName}.
                    Nhận được thư này nghĩa là cổng thông tin gửi được thư tới địa chỉ {to}.

                    This is a test message queued by an administrator to check the portal's mail settings.
                    """));
            }

            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        }

        await output.WriteLineAsync($"Queued {recipients.Count} test message(s) of '{tenant.Name}' to {string.Join(", ", recipients)}.");
        await output.WriteLineAsync(string.IsNullOrWhiteSpace(mail.Host)
            ? $"No Portal:Mail:Host is set: the running server writes them as .eml files to {PickupFolder(services)}."
            : $"The running server sends them through {mail.Host}:{mail.Port} within {Math.Max(1, mail.PollSeconds)} s; 'mail queue' shows failures.");
        return 0;
    }

    public static async Task<int> QueueAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        var errors = 10;
        if (arguments.Option("errors") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out errors) || errors > 100))
        {
            throw new CliUsageException($"--errors takes a number from 0 to 100, got '{text}'.");
        }

        var mail = services.GetRequiredService<IOptions<PortalOptions>>().Value.Mail;
        await using var scope = services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<MailQueue>().SummaryAsync(errors);

        await output.WriteLineAsync(string.IsNullOrWhiteSpace(mail.Host)
            ? $"Delivery: pickup folder {PickupFolder(services)} (no Portal:Mail:Host)"
            : $"Delivery: SMTP {mail.Host}:{mail.Port} ({mail.Security}{(string.IsNullOrEmpty(mail.UserName) ? "" : ", as " + mail.UserName)})");
        var oldest = summary.OldestPendingUtc is { } utc ? $", oldest queued {VietnamTime.Format(utc)}" : "";
        await output.WriteLineAsync($"Pending: {summary.PendingDue} due now, {summary.PendingLater} waiting to retry{oldest}");
        await output.WriteLineAsync($"Failed (given up): {summary.Failed}    Sent in the last 24 h: {summary.SentLastDay}");
        if (summary.Errors.Count > 0)
        {
            await output.WriteLineAsync("Last errors (Vietnam time):");
            foreach (var e in summary.Errors)
            {
                var when = e.State == "Failed" ? "given up" : "next " + VietnamTime.Format(e.NextAttemptUtc);
                await output.WriteLineAsync($"  #{e.Id} {e.Site} to {e.To}, {e.Attempts} attempt(s), {when}: {e.LastError}");
            }
        }

        return 0;
    }

    public static async Task<int> RetryAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        int? id = null;
        if (arguments.Option("id") is { } text)
        {
            id = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
                ? parsed
                : throw new CliUsageException($"--id takes a message number from 'mail queue', got '{text}'.");
        }

        await using var scope = services.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<MailQueue>().RetryFailedAsync(id);
        if (id is not null && count == 0)
        {
            throw new InvalidOperationException($"there is no failed message #{id}.");
        }

        await output.WriteLineAsync($"Queued {count} failed message(s) again; the running server tries them at once.");
        return 0;
    }

    private static string PickupFolder(IServiceProvider services)
    {
        var portal = services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return Path.GetFullPath(Path.Combine(PortalDatabase.DataPath(portal, root), portal.Mail.PickupDirectory));
    }
}
