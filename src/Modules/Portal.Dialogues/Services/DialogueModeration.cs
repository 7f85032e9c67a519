using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Dialogues.Models;

namespace Portal.Dialogues.Services;

/// <summary>A moderation step refused (wrong state, bad input): the message is for the moderator.</summary>
public sealed class DialogueModerationException(string message) : InvalidOperationException(message);

/// <summary>
/// Every step the moderator (or the secretary typing a guest's answer) takes on a dialogue's
/// questions: accept, correct the spelling (the citizen's text stays in <see cref="DialogueQuestion.OriginalText"/>
/// and the edit in the history), merge a duplicate, reject with a reason, reorder, hand to a guest,
/// enter the answer, publish. State checks first, then the change and its history row in one save.
/// Publishing is the only way an entry becomes public, and it numbers the entry (<see cref="PublishAsync"/>).
/// </summary>
public sealed class DialogueModeration(PortalDbContext db, TimeProvider clock)
{
    private static readonly DialogueQuestionState[] Open = [DialogueQuestionState.Submitted, DialogueQuestionState.Accepted, DialogueQuestionState.Answered];

    /// <summary>The moderator's view: every question of the dialogue, the queue first in its order.</summary>
    public async Task<IReadOnlyList<DialogueQuestion>> QueueAsync(string dialogueId, CancellationToken cancellationToken) =>
        await db.Set<DialogueQuestion>().AsNoTracking().Where(q => q.DialogueId == dialogueId)
            .OrderBy(q => q.State == DialogueQuestionState.Published ? 1 : 0)
            .ThenBy(q => q.Sequence)
            .ThenBy(q => q.SortOrder)
            .ThenBy(q => q.Id)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DialogueHistoryEntry>> HistoryAsync(string dialogueId, CancellationToken cancellationToken) =>
        await db.Set<DialogueHistoryEntry>().AsNoTracking().Where(h => h.DialogueId == dialogueId).OrderByDescending(h => h.Id).Take(200).ToListAsync(cancellationToken);

    public async Task AcceptAsync(string dialogueId, int questionId, ContentActor actor, CancellationToken cancellationToken)
    {
        var question = await FindAsync(dialogueId, questionId, cancellationToken);
        Require(question, "tiếp nhận", DialogueQuestionState.Submitted);
        question.State = DialogueQuestionState.Accepted;
        question.SortOrder = await NextOrderAsync(dialogueId, cancellationToken);
        await SaveAsync(question, DialogueHistoryKind.Accepted, actor, cancellationToken);
    }

    /// <summary>Corrects the spelling of the question's text; the citizen's own text is kept.</summary>
    public async Task EditAsync(string dialogueId, int questionId, string? text, ContentActor actor, CancellationToken cancellationToken)
    {
        var question = await FindAsync(dialogueId, questionId, cancellationToken);
        Require(question, "sửa", Open);
        var clean = DialogueQuestionRules.CleanText(text);
        if (DialogueQuestionRules.TextProblem(clean) is { } problem)
        {
            throw new DialogueModerationException(problem);
        }

        if (clean == question.Text)
        {
            return;
        }

        var before = question.Text;
        question.Text = clean!;
        await SaveAsync(question, DialogueHistoryKind.Edited, actor, cancellationToken, before, clean);
    }

    /// <summary>A duplicate goes into another question of the same dialogue, which stays.</summary>
    public async Task MergeAsync(string dialogueId, int questionId, int intoId, ContentActor actor, CancellationToken cancellationToken)
    {
        var question = await FindAsync(dialogueId, questionId, cancellationToken);
        Require(question, "gộp", DialogueQuestionState.Submitted, DialogueQuestionState.Accepted);
        if (intoId == questionId)
        {
            throw new DialogueModerationException("Không thể gộp câu hỏi vào chính nó.");
        }

        var target = await db.Set<DialogueQuestion>().FirstOrDefaultAsync(q => q.Id == intoId && q.DialogueId == dialogueId, cancellationToken)
            ?? throw new DialogueModerationException($"Không có câu hỏi số {intoId} trong buổi đối thoại này.");
        if (target.State is DialogueQuestionState.Rejected or DialogueQuestionState.Merged)
        {
            throw new DialogueModerationException($"Câu hỏi số {intoId} đã bị từ chối hoặc đã được gộp; hãy chọn câu hỏi khác.");
        }

        question.State = DialogueQuestionState.Merged;
        question.MergedIntoId = target.Id;
        await SaveAsync(question, DialogueHistoryKind.Merged, actor, cancellationToken, note: $"Gộp vào câu hỏi số {target.Id}.");
    }

    public async Task RejectAsync(string dialogueId, int questionId, string? reason, ContentActor actor, CancellationToken cancellationToken)
    {
        var question = await FindAsync(dialogueId, questionId, cancellationToken);
        Require(question, "từ chối", DialogueQuestionState.Submitted, DialogueQuestionState.Accepted);
        var clean = DialogueQuestionRules.CleanLine(reason);
        if (clean is null)
        {
            throw new DialogueModerationException("Vui lòng nêu lý do từ chối.");
        }

        if (clean.Length > DialoguesModel.ReasonLength)
        {
            throw new DialogueModerationException($"Lý do tối đa {DialoguesModel.ReasonLength} ký tự.");
        }

        question.State = DialogueQuestionState.Rejected;
        question.RejectionReason = clean;
        await SaveAsync(question, DialogueHistoryKind.Rejected, actor, cancellationToken, note: clean);
    }

    /// <summary>Moves an accepted or answered question one place up or down the queue (swapping with its neighbour).</summary>
    public async Task MoveAsync(string dialogueId, int questionId, bool up, ContentActor actor, CancellationToken cancellationToken)
    {
        var question = await FindAsync(dialogueId, questionId, cancellationToken);
        Require(question, "xếp thứ tự", DialogueQuestionState.Accepted, DialogueQuestionState.Answered);
        var queue = db.Set<DialogueQuestion>().Where(q => q.DialogueId == dialogueId && q.Id != questionId
            && (q.State == DialogueQuestionState.Accepted || q.State == DialogueQuestionState.Answered));
        var neighbour = up
            ? await queue.Where(q => q.SortOrder < question.SortOrder || (q.SortOrder == question.SortOrder && q.Id < question.Id)).OrderByDescending(q => q.SortOrder).ThenByDescending(q => q.Id).FirstOrDefaultAsync(cancellationToken)
            : await queue.Where(q => q.SortOrder > question.SortOrder || (q.SortOrder == question.SortOrder && q.Id > question.Id)).OrderBy(q => q.SortOrder).ThenBy(q => q.Id).FirstOrDefaultAsync(cancellationToken);
        if (neighbour is null)
        {
            return;
        }

        var before = question.SortOrder;
        (question.SortOrder, neighbour.SortOrder) = neighbour.SortOrder == question.SortOrder
            ? (up ? question.SortOrder - 1 : question.SortOrder + 1, question.SortOrder)
            : (neighbour.SortOrder, question.SortOrder);
        neighbour.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(question, DialogueHistoryKind.Reordered, actor, cancellationToken, before.ToString(System.Globalization.CultureInfo.InvariantCulture), question.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Hands an accepted question to one of the dialogue's guests (by name).</summary>
    public async Task HandAsync(string dialogueId, int questionId, string? guest, IReadOnlyList<DialogueGuest> guests, ContentActor actor, CancellationToken cancellationToken)
    {
        var question = await FindAsync(dialogueId, questionId, cancellationToken);
        Require(question, "chuyển khách mời", DialogueQuestionState.Accepted, DialogueQuestionState.Answered);
        var named = guests.FirstOrDefault(g => g.Name == guest?.Trim())
            ?? throw new DialogueModerationException("Hãy chọn một khách mời của buổi đối thoại.");
        var before = question.GuestName;
        question.GuestName = named.Name;
        await SaveAsync(question, DialogueHistoryKind.Handed, actor, cancellationToken, before, named.Name);
    }

    /// <summary>
    /// The guest's answer, typed by the guest or by a secretary for them (recorded as such), with an
    /// optional time in the video. Can be entered again until it is published.
    /// </summary>
    public async Task AnswerAsync(string dialogueId, int questionId, string? answer, bool typedBySecretary, int? videoSeconds, ContentActor actor, CancellationToken cancellationToken)
    {
        var question = await FindAsync(dialogueId, questionId, cancellationToken);
        Require(question, "nhập câu trả lời", DialogueQuestionState.Accepted, DialogueQuestionState.Answered);
        if (question.GuestName is null)
        {
            throw new DialogueModerationException("Hãy chuyển câu hỏi cho một khách mời trước khi nhập câu trả lời.");
        }

        var clean = DialogueQuestionRules.CleanText(answer);
        if (clean is null || !Portal.Core.Text.VisitorText.IsAcceptable(clean))
        {
            throw new DialogueModerationException("Vui lòng nhập câu trả lời.");
        }

        if (clean.Length > DialoguesModel.AnswerLength)
        {
            throw new DialogueModerationException($"Câu trả lời tối đa {DialoguesModel.AnswerLength} ký tự.");
        }

        var before = question.AnswerText;
        question.State = DialogueQuestionState.Answered;
        question.AnswerText = clean;
        question.AnswerTypedBy = actor.UserName;
        question.TypedBySecretary = typedBySecretary;
        question.VideoSeconds = videoSeconds;
        question.AnsweredUtc = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(question, DialogueHistoryKind.Answered, actor, cancellationToken, before, clean,
            typedBySecretary ? $"Thư ký {actor.UserName} nhập thay {question.GuestName}." : $"{question.GuestName} trả lời (tài khoản {actor.UserName}).");
    }

    /// <summary>
    /// Makes an answered question public with the dialogue's next sequence number. The counter is
    /// raised by one conditional UPDATE, the first statement of the transaction, so concurrent
    /// publications wait for each other (PostgreSQL's row lock, SQLite's one writer) and never share
    /// a number; the question moves only if it is still answered and unnumbered, otherwise the
    /// transaction rolls back and the number is not used: numbers stay dense.
    /// </summary>
    public async Task<int> PublishAsync(string dialogueId, int questionId, ContentActor actor, CancellationToken cancellationToken)
    {
        var question = await FindAsync(dialogueId, questionId, cancellationToken);
        Require(question, "công bố", DialogueQuestionState.Answered);
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var raised = await db.Set<Dialogue>().Where(d => d.ContentItemId == dialogueId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSequence, d => d.LastSequence + 1), cancellationToken);
        if (raised != 1)
        {
            throw new DialogueModerationException("Không tìm thấy buổi đối thoại.");
        }

        var sequence = await db.Set<Dialogue>().Where(d => d.ContentItemId == dialogueId).Select(d => d.LastSequence).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = await db.Set<DialogueQuestion>()
            .Where(q => q.Id == questionId && q.DialogueId == dialogueId && q.State == DialogueQuestionState.Answered && q.Sequence == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(q => q.State, DialogueQuestionState.Published)
                    .SetProperty(q => q.Sequence, sequence)
                    .SetProperty(q => q.PublishedUtc, now)
                    .SetProperty(q => q.UpdatedUtc, now),
                cancellationToken);
        if (moved != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new DialogueModerationException("Câu trả lời này đã được công bố hoặc đã thay đổi; hãy tải lại trang.");
        }

        question.Sequence = sequence;
        db.Add(DialogueHistory.Entry(question, DialogueHistoryKind.Published, actor, now, note: $"Công bố, số thứ tự {sequence}."));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }

    private async Task<DialogueQuestion> FindAsync(string dialogueId, int questionId, CancellationToken cancellationToken) =>
        await db.Set<DialogueQuestion>().FirstOrDefaultAsync(q => q.Id == questionId && q.DialogueId == dialogueId, cancellationToken)
        ?? throw new DialogueModerationException("Không tìm thấy câu hỏi.");

    private async Task<int> NextOrderAsync(string dialogueId, CancellationToken cancellationToken) =>
        (await db.Set<DialogueQuestion>().Where(q => q.DialogueId == dialogueId).MaxAsync(q => (int?)q.SortOrder, cancellationToken) ?? 0) + 1;

    private static void Require(DialogueQuestion question, string step, params DialogueQuestionState[] states)
    {
        if (!states.Contains(question.State))
        {
            throw new DialogueModerationException($"Không thể {step} câu hỏi đang ở trạng thái \"{StateText(question.State)}\".");
        }
    }

    private async Task SaveAsync(DialogueQuestion question, DialogueHistoryKind kind, ContentActor actor, CancellationToken cancellationToken, string? before = null, string? after = null, string? note = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        question.UpdatedUtc = now;
        db.Add(DialogueHistory.Entry(question, kind, actor, now, before, after, note));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string StateText(DialogueQuestionState state) => state switch
    {
        DialogueQuestionState.Submitted => "Mới gửi",
        DialogueQuestionState.Accepted => "Đã tiếp nhận",
        DialogueQuestionState.Rejected => "Từ chối",
        DialogueQuestionState.Merged => "Đã gộp",
        DialogueQuestionState.Answered => "Đã trả lời, chờ công bố",
        _ => "Đã công bố",
    };
}
