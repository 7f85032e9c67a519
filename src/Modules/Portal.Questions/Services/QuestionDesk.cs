using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Calendar;
using Portal.Core.Contents;
using Portal.Core.Mail;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>A step the desk refused, with the reason for the person (shown beside the form).</summary>
public sealed class QuestionDeskException(string field, string message) : InvalidOperationException(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// The editorial board's and the responders' steps on a case: accept, reject, merge, assign to a unit,
/// transfer to another site, extend the deadline, send a progress notice, draft the answer. Each
/// step is checked against the case's state, recorded in its history (who, when, from where, why)
/// and saved in one transaction with its e-mail and, for another site, its relay.
/// </summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class QuestionDesk(
    PortalDbContext db,
    TenantContext site,
    TenantCatalog catalog,
    IWorkingDayCalendar calendar,
    IMailOutbox mail,
    QuestionRelays relays,
    ContentManager contents,
    AnswerWriter answers,
    TimeProvider clock)
{
    public const int MaxExtensionDays = 15;

    public Task<QuestionCase?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<QuestionCase>().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);

    public Task<List<QuestionStep>> HistoryAsync(QuestionCase question, CancellationToken cancellationToken) =>
        db.Set<QuestionStep>().AsNoTracking().Where(s => s.CaseId == question.Id).OrderBy(s => s.AtUtc).ThenBy(s => s.Id).ToListAsync(cancellationToken);

    public Task<List<QuestionAttachment>> AttachmentsAsync(QuestionCase question, CancellationToken cancellationToken) =>
        db.Set<QuestionAttachment>().AsNoTracking().Where(a => a.CaseId == question.Id).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public Task AcceptAsync(QuestionCase question, ContentActor actor, CancellationToken cancellationToken)
    {
        Require(question, QuestionStatus.Received);
        question.Status = QuestionStatus.Accepted;
        question.AgencyName = site.Tenant.DisplayName;
        QuestionHistory.Add(db, question, QuestionStepKind.Accepted, actor, Now, "Câu hỏi được tiếp nhận xử lý.");
        return db.SaveChangesAsync(cancellationToken);
    }

    public async Task RejectAsync(QuestionCase question, QuestionRejection rejection, string? note, ContentActor actor, CancellationToken cancellationToken)
    {
        Require(question, QuestionStatus.Received, QuestionStatus.Accepted);
        FromHere(question);
        note = Clean(note);
        var reason = QuestionTexts.Rejection(rejection) + (note is null ? "" : $" ({note})");
        question.Status = QuestionStatus.Rejected;
        question.Rejection = rejection;
        question.RejectionNote = reason;
        QuestionHistory.Add(db, question, QuestionStepKind.Rejected, actor, Now, $"Câu hỏi không được tiếp nhận: {reason}.", note);

        // A spam sender gets no mail: answering spam confirms the address to whoever sent it.
        if (rejection != QuestionRejection.Spam)
        {
            await mail.EnqueueAsync(QuestionMail.Rejected(site.Tenant, question), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Joins a duplicate to an earlier open or answered question of the site: its sender gets that question's answer.</summary>
    public async Task MergeAsync(QuestionCase question, string? targetCode, ContentActor actor, CancellationToken cancellationToken)
    {
        Require(question, QuestionStatus.Received, QuestionStatus.Accepted);
        FromHere(question);
        var code = TrackingCodes.Normalize(targetCode) ?? throw new QuestionDeskException("mergeInto", "Hãy nhập mã tra cứu (10 ký tự) của câu hỏi cần gộp vào.");
        var target = await db.Set<QuestionCase>().FirstOrDefaultAsync(q => q.TrackingCode == code, cancellationToken)
            ?? throw new QuestionDeskException("mergeInto", $"Trang không có câu hỏi mã {code}.");
        if (target.Id == question.Id || target.Status is QuestionStatus.Rejected or QuestionStatus.Merged)
        {
            throw new QuestionDeskException("mergeInto", $"Không gộp được vào câu hỏi {code}: câu hỏi đó {(target.Id == question.Id ? "là chính câu hỏi này" : "đã bị từ chối hoặc đã được gộp")}.");
        }

        question.Status = QuestionStatus.Merged;
        question.MergedIntoId = target.Id;
        QuestionHistory.Add(db, question, QuestionStepKind.Merged, actor, Now,
            "Câu hỏi trùng nội dung với một câu hỏi khác đang được xử lý; ông/bà sẽ nhận câu trả lời chung qua thư điện tử.", $"Gộp vào {target.TrackingCode}");
        if (target.AnsweredUtc is not null && target.AnswerContentItemId is { } answered
            && await contents.LatestAsync(QuestionContent.ContentType, answered, cancellationToken) is { } item)
        {
            // Already answered: the sender gets that answer now.
            var text = Portal.Core.Html.PlainText.FromHtml(QuestionContent.Read(item.Data).Answer);
            await mail.EnqueueAsync(QuestionMail.Answered(site.Tenant, question, target.AgencyName ?? site.Tenant.DisplayName, text, null), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Gives the question to a unit inside the site (a department's office, a commune's land officer), with its own deadline.</summary>
    public Task AssignUnitAsync(QuestionCase question, string? unit, string? note, ContentActor actor, CancellationToken cancellationToken)
    {
        Require(question, QuestionStatus.Received, QuestionStatus.Accepted, QuestionStatus.Assigned);
        HoldsHere(question);
        unit = Clean(unit) ?? throw new QuestionDeskException("unit", "Hãy nhập tên đơn vị được giao trả lời.");
        if (unit.Length > QuestionsModel.AgencyLength)
        {
            throw new QuestionDeskException("unit", $"Tên đơn vị dài quá {QuestionsModel.AgencyLength} ký tự.");
        }

        var due = calendar.Deadline(Now, QuestionIntake.AnswerWithinDays).Due;
        question.Status = QuestionStatus.Assigned;
        question.AssignedUnit = unit;
        question.AgencyName = unit;
        var step = QuestionHistory.Add(db, question, QuestionStepKind.Assigned, actor, Now, $"Giao {unit} trả lời.", Clean(note));
        step.ToAgency = unit;
        step.Due = question.AnswerDue < due ? question.AnswerDue : due;
        return db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Sends the question to another site's agency (a department, a commune): refused with the reason
    /// when that site has no Q&A or nobody who answers. The hop has its own 15-working-day deadline;
    /// the citizen's site records the hop in its chain (directly, or by a relay from an agency).
    /// </summary>
    public async Task TransferAsync(QuestionCase question, int targetTenantId, string? reason, ContentActor actor, CancellationToken cancellationToken)
    {
        Require(question, QuestionStatus.Received, QuestionStatus.Accepted, QuestionStatus.Assigned);
        HoldsHere(question);
        var target = catalog.FindById(targetTenantId) ?? throw new QuestionDeskException("target", "Hãy chọn trang của cơ quan nhận câu hỏi.");
        reason = Clean(reason) ?? throw new QuestionDeskException("reason", "Hãy ghi lý do chuyển (vì sao cơ quan đó có thẩm quyền trả lời).");
        if (await relays.TransferRefusalAsync(target, cancellationToken) is { } refusal)
        {
            throw new QuestionDeskException("target", refusal);
        }

        var now = Now;
        var due = calendar.Deadline(now, QuestionIntake.AnswerWithinDays);
        var from = question.AgencyName ?? site.Tenant.DisplayName;
        question.Status = QuestionStatus.Assigned;
        question.AssignedTenantId = target.Id;
        question.AssignedUnit = null;
        question.AgencyName = target.DisplayName;
        var publicText = $"Chuyển {target.DisplayName} trả lời theo thẩm quyền; hạn trả lời: {QuestionTexts.Date(due.Due)}.";
        var isOrigin = question.OriginTenantId is null;
        if (isOrigin && due.Due > question.AnswerDue)
        {
            question.AnswerDue = due.Due;
        }

        var step = QuestionHistory.Add(db, question, QuestionStepKind.Transferred, actor, now, isOrigin ? publicText : null, reason);
        step.ToAgency = target.DisplayName;
        step.ToTenantId = target.Id;
        step.Due = due.Due;

        var originTenant = question.OriginTenantId ?? site.TenantId;
        var originCase = question.OriginCaseId ?? question.Id;
        var files = await AttachmentsAsync(question, cancellationToken);
        relays.Enqueue(question, target.Id, QuestionRelayKind.Transfer, new RelayPayload
        {
            OriginTenantId = originTenant,
            OriginCaseId = originCase,
            TrackingCode = question.TrackingCode,
            FromAgency = from,
            ActorName = actor.UserName,
            AtUtc = now,
            Reason = reason,
            Due = due.Due,
            SenderName = question.SenderName,
            Email = question.Email,
            Phone = question.Phone,
            Address = question.Address,
            Title = question.Title,
            Content = question.Content,
            Field = question.Field,
            ConsentToPublish = question.ConsentToPublish,
            ShowName = question.ShowName,
            AskedUtc = question.ReceivedUtc,
            Files = [.. files.Select(f => new RelayFile(site.TenantId, f.StoredName, f.FileName, f.ContentType, f.Length))],
        });

        // An agency forwarding onwards tells the citizen's site, which keeps the whole chain (unless
        // the question goes back there: the transfer itself reopens it).
        if (!isOrigin && target.Id != originTenant)
        {
            ReportToOrigin(question, QuestionStepKind.Transferred, actor, now, publicText, reason, due.Due, target);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves the answer's deadline by a number of working days, with the reason the sender reads.</summary>
    public async Task ExtendAsync(QuestionCase question, int workingDays, string? reason, ContentActor actor, CancellationToken cancellationToken)
    {
        Require(question, QuestionStatus.Received, QuestionStatus.Accepted, QuestionStatus.Assigned);
        HoldsHere(question);
        if (workingDays is < 1 or > MaxExtensionDays)
        {
            throw new QuestionDeskException("days", $"Số ngày gia hạn từ 1 đến {MaxExtensionDays} ngày làm việc.");
        }

        reason = Clean(reason) ?? throw new QuestionDeskException("reason", "Hãy ghi lý do gia hạn: lý do được công khai cho người hỏi.");
        var due = calendar.AddWorkingDays(question.AnswerDue, workingDays);
        question.AnswerDue = due;
        question.ExtensionReason = reason;
        question.RemindedFor = null;
        var publicText = $"Gia hạn trả lời đến {QuestionTexts.Date(due)}: {reason}";
        var isOrigin = question.OriginTenantId is null;
        var step = QuestionHistory.Add(db, question, QuestionStepKind.Extended, actor, Now, isOrigin ? publicText : null, reason);
        step.Due = due;
        if (isOrigin)
        {
            await mail.EnqueueAsync(QuestionMail.Extended(site.Tenant, question), cancellationToken);
        }
        else
        {
            ReportToOrigin(question, QuestionStepKind.Extended, actor, Now, publicText, reason, due, null);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A progress notice (thông báo tiến độ): what the sender is told while the answer is prepared.</summary>
    public async Task NoticeAsync(QuestionCase question, string? text, ContentActor actor, CancellationToken cancellationToken)
    {
        Require(question, QuestionStatus.Accepted, QuestionStatus.Assigned);
        HoldsHere(question);
        text = Clean(text) ?? throw new QuestionDeskException("notice", "Hãy nhập nội dung thông báo tiến độ.");
        if (text.Length > QuestionsModel.NoteLength)
        {
            throw new QuestionDeskException("notice", $"Thông báo dài quá {QuestionsModel.NoteLength} ký tự.");
        }

        var isOrigin = question.OriginTenantId is null;
        QuestionHistory.Add(db, question, QuestionStepKind.ProgressNotice, actor, Now, isOrigin ? $"Thông báo tiến độ: {text}" : null, text);
        if (isOrigin)
        {
            await mail.EnqueueAsync(QuestionMail.Notice(site.Tenant, question, question.AgencyName ?? site.Tenant.DisplayName, text), cancellationToken);
        }
        else
        {
            ReportToOrigin(question, QuestionStepKind.ProgressNotice, actor, Now, $"Thông báo tiến độ của {site.Tenant.DisplayName}: {text}", text, null, null);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The answer's item (type <c>question</c>), created on first use with the question's text, the
    /// agency and the sender's name when they agreed; then edited, reviewed and approved through the
    /// content lifecycle like any content.
    /// </summary>
    public async Task<string> DraftAnswerAsync(QuestionCase question, ClaimsPrincipal user, ContentActor actor, CancellationToken cancellationToken)
    {
        Require(question, QuestionStatus.Accepted, QuestionStatus.Assigned, QuestionStatus.Answered, QuestionStatus.Published);
        HoldsHere(question);
        var id = QuestionContent.ItemIdFor(question.Id);
        if (question.AnswerContentItemId == id && await contents.LatestAsync(QuestionContent.ContentType, id, cancellationToken) is not null)
        {
            return id;
        }

        var fields = new AnswerFields
        {
            Question = question.Content,
            Field = question.Field,
            Agency = question.AgencyName ?? site.Tenant.DisplayName,
            Answerer = question.AgencyName ?? site.Tenant.DisplayName,
            SenderName = question.ShowName ? question.SenderName : null,
            AskedUtc = question.ReceivedUtc,
            Listed = question.ConsentToPublish && question.OriginTenantId is null,
        };
        var slug = await AnswerSlugs.FreeAsync(db, question.Title, id, cancellationToken);
        await db.InTransactionAsync(async () =>
        {
            await contents.CreateWithIdAsync(QuestionContent.ContentType, id, answers.Draft(question.Title, slug, fields), user, actor, cancellationToken);
            question.AnswerContentItemId = id;
            QuestionHistory.Add(db, question, QuestionStepKind.AnswerDrafted, actor, Now, null, "Bắt đầu soạn câu trả lời.");
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        return id;
    }

    private void ReportToOrigin(QuestionCase question, QuestionStepKind kind, ContentActor actor, DateTime at, string publicText, string? reason, DateOnly? due, Tenant? to) =>
        relays.Enqueue(question, question.OriginTenantId!.Value, QuestionRelayKind.Hop, new RelayPayload
        {
            OriginTenantId = question.OriginTenantId!.Value,
            OriginCaseId = question.OriginCaseId!.Value,
            TrackingCode = question.TrackingCode,
            FromAgency = site.Tenant.DisplayName,
            ActorName = actor.UserName,
            AtUtc = at,
            StepKind = kind,
            PublicText = publicText,
            Reason = reason,
            Due = due,
            ToAgency = to?.DisplayName,
            ToTenantId = to?.Id,
        });

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static void Require(QuestionCase question, params QuestionStatus[] allowed)
    {
        if (!allowed.Contains(question.Status))
        {
            throw new QuestionDeskException("", $"Câu hỏi đang ở trạng thái \"{QuestionTexts.Status(question.Status)}\" nên không làm được bước này.");
        }
    }

    /// <summary>A question sent to another site is that site's to act on now; here it can only be looked at.</summary>
    private static void HoldsHere(QuestionCase question)
    {
        if (question.AssignedTenantId is not null)
        {
            throw new QuestionDeskException("", "Câu hỏi đã được chuyển sang trang của cơ quan khác; cơ quan đó xử lý tiếp.");
        }
    }

    /// <summary>
    /// Only the citizen's own site refuses or merges a question: it is the one that tells the sender.
    /// An agency that is not competent sends the question back (or on) with the reason instead.
    /// </summary>
    private static void FromHere(QuestionCase question)
    {
        if (question.OriginTenantId is not null)
        {
            throw new QuestionDeskException("", "Câu hỏi được chuyển đến từ trang khác: nếu không thuộc thẩm quyền, hãy chuyển lại (hoặc chuyển tiếp) kèm lý do; trang nhận câu hỏi ban đầu quyết định từ chối hay gộp.");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
