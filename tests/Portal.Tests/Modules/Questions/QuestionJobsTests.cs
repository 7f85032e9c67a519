using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Calendar;
using Portal.Core.Contents;
using Portal.Core.Mail;
using Portal.Core.Persistence;
using Portal.Core.Scheduling;
using Portal.Core.Tenancy;
using Portal.Questions.Models;
using Portal.Questions.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Questions;

/// <summary>
/// The questions' scheduled work on a real database: deadline reminders one working day ahead,
/// once per deadline and person; relays a request left undelivered (a node died after commit),
/// delivered by the job, once even when delivered twice. On both providers.
/// </summary>
public abstract class QuestionJobsTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    private ScheduledJobContext JobContext(IServiceProvider services) =>
        new(services, Factory.Service<TenantCatalog>(), Factory.Service<TenantScopeFactory>(), DateTime.UtcNow, null);

    private async Task RunAsync<TJob>()
        where TJob : IScheduledJob
    {
        var job = Factory.Services.GetServices<IScheduledJob>().OfType<TJob>().Single();
        await using var scope = Factory.Services.CreateAsyncScope();
        await job.RunAsync(JobContext(scope.ServiceProvider), CancellationToken.None);
    }

    private async Task<T> InSiteAsync<T>(Tenant site, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        return await work(scope.ServiceProvider);
    }

    private static async Task<QuestionCase> AddCaseAsync(IServiceProvider services, string code, QuestionStatus status, DateOnly due)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var question = new QuestionCase
        {
            TrackingCode = code, SenderName = "Người hỏi", Email = "nguoi.hoi@example.vn", Title = "Câu hỏi " + code,
            Content = "Nội dung câu hỏi đủ dài để kiểm thử.", Field = "khac", Status = status, Source = QuestionSource.Form,
            ReceivedUtc = DateTime.UtcNow, ForwardDue = due, AnswerDue = due, UpdatedUtc = DateTime.UtcNow,
        };
        db.Add(question);
        await db.SaveChangesAsync();
        return question;
    }

    [Fact]
    public async Task A_deadline_one_working_day_away_is_reminded_once_to_each_person_who_must_act()
    {
        var site = await Factory.ProvisionAsync("xa-nhac-han");
        await InSiteAsync(site, async sp =>
        {
            await sp.GetRequiredService<Portal.Users.Services.AdministratorAccounts>().EnsureAsync("qt-xa-nhac-han", "qt.nhac.han@example.vn", "Passw0rd-Q!");
            return true;
        });
        var calendar = Factory.Service<IWorkingDayCalendar>();
        var today = VietnamTime.Today(TimeProvider.System);
        var tomorrow = calendar.AddWorkingDays(today, 1);
        var (soon, later, late, triage) = await InSiteAsync(site, async sp => (
            await AddCaseAsync(sp, "NHAC2-HAN22", QuestionStatus.Accepted, tomorrow),
            await AddCaseAsync(sp, "NHAC3-HAN33", QuestionStatus.Accepted, calendar.AddWorkingDays(today, 3)),
            await AddCaseAsync(sp, "NHAC4-HAN44", QuestionStatus.Assigned, today.AddDays(-10)),
            await AddCaseAsync(sp, "NHAC5-HAN55", QuestionStatus.Received, tomorrow)));

        await RunAsync<QuestionReminderJob>();
        await RunAsync<QuestionReminderJob>();

        var mail = await InSiteAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Key.StartsWith("question-reminder-")).Select(m => m.Key).ToListAsync());
        var reminded = await InSiteAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<QuestionCase>().AsNoTracking()
            .Where(q => q.RemindedFor != null).Select(q => q.TrackingCode).ToListAsync());

        Assert.Single(mail, k => k.Contains(soon.TrackingCode, StringComparison.Ordinal));
        Assert.Single(mail, k => k.Contains(triage.TrackingCode, StringComparison.Ordinal));
        Assert.DoesNotContain(mail, k => k.Contains(later.TrackingCode, StringComparison.Ordinal) || k.Contains(late.TrackingCode, StringComparison.Ordinal));
        Assert.Equal([soon.TrackingCode, triage.TrackingCode], reminded.Order());
    }

    [Fact]
    public async Task A_transfer_left_undelivered_is_delivered_by_the_job_and_a_second_delivery_writes_nothing()
    {
        var from = await Factory.ProvisionAsync("xa-chuyen-di");
        var to = await Factory.ProvisionAsync("so-nhan-ve", "Department");
        await Factory.CreateSiteAdministratorAsync(to, "qt-so-nhan-ve", "Passw0rd-Q!");

        // The board's transfer commits its relay; the request "dies" before delivering it.
        var code = await InSiteAsync(from, async sp =>
        {
            var question = await AddCaseAsync(sp, "CHUYE-NDI22", QuestionStatus.Received, VietnamTime.Today(TimeProvider.System).AddDays(5));
            await sp.GetRequiredService<QuestionDesk>().TransferAsync(question, to.Id, "Thuộc thẩm quyền của sở", new ContentActor("u1", "Ban biên tập", "127.0.0.1"), CancellationToken.None);
            return question.TrackingCode;
        });
        var before = await InSiteAsync(to, sp => sp.GetRequiredService<PortalDbContext>().Set<QuestionCase>().CountAsync(q => q.TrackingCode == code));

        await RunAsync<QuestionRelayJob>();
        await RunAsync<QuestionRelayJob>();

        // Delivering the same relay again (the mark "delivered" was lost) changes nothing.
        var relay = await InSiteAsync(from, sp => sp.GetRequiredService<PortalDbContext>().Set<QuestionRelay>().AsNoTracking().SingleAsync());
        await InSiteAsync(to, async sp =>
        {
            await sp.GetRequiredService<QuestionRelayReceiver>().ReceiveAsync(relay.Id, from.Id, relay.Kind, RelayPayload.Read(relay.Payload), CancellationToken.None);
            return true;
        });
        var cases = await InSiteAsync(to, sp => sp.GetRequiredService<PortalDbContext>().Set<QuestionCase>().AsNoTracking().Where(q => q.TrackingCode == code).ToListAsync());
        var steps = await InSiteAsync(to, sp => sp.GetRequiredService<PortalDbContext>().Set<QuestionStep>().AsNoTracking().CountAsync(s => s.RelayId == relay.Id));

        Assert.Equal(0, before);
        Assert.NotNull(relay.DeliveredUtc);
        Assert.Single(cases);
        Assert.Equal(QuestionStatus.Accepted, cases[0].Status);
        Assert.Equal(from.Id, cases[0].OriginTenantId);
        Assert.Equal(1, steps);
    }
}

public sealed class QuestionJobsTestsSqlite(SqliteFixture fixture) : QuestionJobsTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class QuestionJobsTestsPostgres(PostgresFixture fixture) : QuestionJobsTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
