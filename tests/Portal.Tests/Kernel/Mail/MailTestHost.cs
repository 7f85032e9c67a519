using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core;
using Portal.Core.Mail;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Mail;

/// <summary>
/// A host whose outbox sends to a test SMTP server (or the pickup folder), its sender polling
/// every second, and the ways a module uses the outbox: queue inside a site's unit of work, commit
/// or roll back, read the site's rows.
/// </summary>
internal static class MailTestHost
{
    public const string From = "no-reply@anhoa.gov.vn";

    public static PortalFactory Create(TestDatabase database, Action<MailSettings>? mail = null, TimeProvider? clock = null, Action<IServiceCollection>? more = null) =>
        new(database, services =>
        {
            services.PostConfigure<PortalOptions>(options =>
            {
                options.Mail.PollSeconds = 1;
                options.Mail.From = From;
                mail?.Invoke(options.Mail);
            });
            if (clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            }

            more?.Invoke(services);
        });

    /// <summary>SMTP on loopback, no TLS (the test server offers none).</summary>
    public static Action<MailSettings> Smtp(int port, Action<MailSettings>? more = null) => mail =>
    {
        mail.Host = "127.0.0.1";
        mail.Port = port;
        mail.Security = MailSecurity.None;
        mail.TimeoutSeconds = 5;
        more?.Invoke(mail);
    };

    /// <summary>Queues in a site's own transaction, as a module does beside its change; commits or rolls back.</summary>
    public static async Task<bool> EnqueueAsync(PortalFactory host, Tenant site, MailMessage message, bool commit = true)
    {
        await using var scope = host.Service<TenantScopeFactory>().CreateScope(site);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var queued = await scope.ServiceProvider.GetRequiredService<IMailOutbox>().EnqueueAsync(message);
        await db.SaveChangesAsync();
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return queued;
    }

    /// <summary>The site's outbox rows (through the tenant filter, as the site sees them).</summary>
    public static async Task<List<OutboxMessage>> RowsAsync(PortalFactory host, Tenant site)
    {
        await using var scope = host.Service<TenantScopeFactory>().CreateScope(site);
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public static Tenant DefaultSite(PortalFactory host) => host.Service<TenantCatalog>().Default!;

    public static MailMessage Message(string to, string subject = "Câu hỏi của ông/bà đã được trả lời", string? key = null) =>
        new(key ?? "test:" + Guid.NewGuid().ToString("N"), to, subject, "Kính gửi ông/bà Nguyễn Thị Hương,\n\nCâu hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất đã được Sở Tài nguyên và Môi trường trả lời.\n\nTrân trọng.");

    /// <summary>Waits (real time) for a condition the background loops bring about.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }
}
