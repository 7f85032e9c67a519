using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Calendar;
using Portal.Core.Contents;
using Portal.Core.Mail;
using Portal.Core.Persistence;
using Portal.Core.Scheduling;
using Portal.Core.Security;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>
/// One working day before a deadline (forwarding for a question not yet triaged, the answer for
/// one being answered), tells the people who must act: the board (<c>ManageQuestions</c>) or the
/// responders (<c>AnswerQuestions</c>) of the site holding it. Once per deadline: the case's
/// <see cref="QuestionCase.RemindedFor"/> is written with the outbox messages, and each message's key
/// names the case, the deadline and the person. The scheduler runs it on one node.
/// </summary>
[CrossTenant("Lists which sites have open questions with a deadline within the next working day (their ids only); each site's reminders are then written in that site's own scope.")]
internal sealed class QuestionReminderJob(IWorkingDayCalendar calendar, TimeProvider clock) : IScheduledJob
{
    public string Name => "questions-deadline-reminders";

    public TimeSpan Every => TimeSpan.FromHours(1);

    public async Task RunAsync(ScheduledJobContext context, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var horizon = calendar.AddWorkingDays(today, 1);
        List<int> siteIds;
        await using (var scope = context.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            siteIds = await Due(db.Set<QuestionCase>().IgnoreQueryFilters([PortalDbContext.TenantFilter]), today, horizon)
                .Select(q => q.TenantId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var site in context.Sites(QuestionContent.FeatureId).Where(s => siteIds.Contains(s.Id)))
        {
            await using var scope = context.OpenSite(site);
            await RemindAsync(scope.ServiceProvider, site, today, horizon, cancellationToken);
        }
    }

    /// <summary>Open questions held here whose next deadline falls between today and the next working day, not yet reminded for it.</summary>
    private static IQueryable<QuestionCase> Due(IQueryable<QuestionCase> cases, DateOnly today, DateOnly horizon) =>
        cases.Where(q => q.AssignedTenantId == null
            && ((q.Status == QuestionStatus.Received && q.ForwardDue >= today && q.ForwardDue <= horizon && (q.RemindedFor == null || q.RemindedFor != q.ForwardDue))
                || ((q.Status == QuestionStatus.Accepted || q.Status == QuestionStatus.Assigned) && q.AnswerDue >= today && q.AnswerDue <= horizon && (q.RemindedFor == null || q.RemindedFor != q.AnswerDue))));

    private async Task RemindAsync(IServiceProvider services, Portal.Core.Tenancy.Tenant site, DateOnly today, DateOnly horizon, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var outbox = services.GetRequiredService<IMailOutbox>();
        var people = services.GetRequiredService<IPermissionHolders>();
        var board = await people.HoldersAsync(Startup.ManageQuestions.Name, cancellationToken);
        var responders = await people.HoldersAsync(Startup.AnswerQuestions.Name, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var question in await Due(db.Set<QuestionCase>(), today, horizon).OrderBy(q => q.Id).Take(500).ToListAsync(cancellationToken))
        {
            var triage = question.Status == QuestionStatus.Received;
            var due = triage ? question.ForwardDue : question.AnswerDue;
            var what = triage ? "chuyển cơ quan có thẩm quyền hoặc tiếp nhận" : "trả lời hoặc thông báo tiến độ";
            question.RemindedFor = due;
            QuestionHistory.Add(db, question, QuestionStepKind.Reminded, ContentActor.System, now, null, $"Nhắc hạn {what}: {QuestionTexts.Date(due)}.");
            foreach (var person in (triage ? board : responders).Where(p => MailAddresses.IsValid(p.Email)))
            {
                await outbox.EnqueueAsync(new MailMessage(
                    $"question-reminder-{question.TrackingCode}-{due.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{person.UserId}",
                    person.Email!,
                    $"[{site.DisplayName}] Sắp đến hạn {what}: {question.Title}",
                    string.Join('\n',
                        $"Câu hỏi \"{question.Title}\" (mã {question.TrackingCode}) đến hạn {what} vào ngày {QuestionTexts.Date(due)}.",
                        "",
                        $"Mở câu hỏi trong trang quản trị: /admin/hoi-dap/{question.Id}")), cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
