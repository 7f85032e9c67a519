using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Dialogues.Models;

namespace Portal.Dialogues.Services;

/// <summary>
/// The stage of a dialogue: upcoming → live → ended, moved by the moderator (any stage, e.g. an
/// event started early, ended early, or reopened) or by <see cref="DialogueStageJob"/> at the planned
/// times. The rule the job follows is <see cref="Planned"/>: it moves forward only, and never undoes
/// a hand change made after the planned time it would apply.
/// </summary>
public sealed class DialogueStages(PortalDbContext db, TimeProvider clock)
{
    public static string Text(DialogueStage stage) => stage switch
    {
        DialogueStage.Upcoming => "Sắp diễn ra",
        DialogueStage.Live => "Đang diễn ra",
        _ => "Đã kết thúc",
    };

    /// <summary>The stage the plan calls for at <paramref name="now"/>, or null when the job should leave the dialogue as it is.</summary>
    public static DialogueStage? Planned(Dialogue dialogue, DateTime now)
    {
        bool Due(DateTime at) => at <= now && !(dialogue.StageSetByHand && dialogue.StageChangedUtc >= at);
        if (dialogue.Stage != DialogueStage.Ended && Due(dialogue.EndUtc))
        {
            return DialogueStage.Ended;
        }

        return dialogue.Stage == DialogueStage.Upcoming && Due(dialogue.StartUtc) && dialogue.EndUtc > now ? DialogueStage.Live : null;
    }

    public Task<Dialogue?> FindAsync(string dialogueId, CancellationToken cancellationToken) =>
        db.Set<Dialogue>().FirstOrDefaultAsync(d => d.ContentItemId == dialogueId, cancellationToken);

    /// <summary>The moderator's button: sets the stage and records the step. False when it already was that stage.</summary>
    public async Task<bool> SetByHandAsync(string dialogueId, DialogueStage stage, ContentActor actor, CancellationToken cancellationToken)
    {
        var dialogue = await FindAsync(dialogueId, cancellationToken) ?? throw new InvalidOperationException("No such dialogue.");
        if (dialogue.Stage == stage)
        {
            return false;
        }

        Move(dialogue, stage, actor, byHand: true);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The job's move of one dialogue of this site to the stage its plan calls for (checked again here, on the site's own row).</summary>
    public async Task<int> ApplyPlanAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = 0;
        foreach (var dialogue in await db.Set<Dialogue>().Where(d => d.Stage != DialogueStage.Ended && d.StartUtc <= now).OrderBy(d => d.Id).Take(500).ToListAsync(cancellationToken))
        {
            if (Planned(dialogue, now) is { } stage)
            {
                Move(dialogue, stage, ContentActor.System, byHand: false);
                moved++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return moved;
    }

    private void Move(Dialogue dialogue, DialogueStage stage, ContentActor actor, bool byHand)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new DialogueHistoryEntry
        {
            DialogueId = dialogue.ContentItemId,
            Kind = DialogueHistoryKind.StageChanged,
            ActorId = actor.UserId,
            ActorName = actor.UserName,
            RemoteAddress = actor.RemoteAddress,
            AtUtc = now,
            Before = Text(dialogue.Stage),
            After = Text(stage),
            Note = byHand ? "Người điều phối chuyển giai đoạn." : "Tự động theo thời gian dự kiến.",
        });
        dialogue.Stage = stage;
        dialogue.StageChangedUtc = now;
        dialogue.StageChangedBy = actor.UserName;
        dialogue.StageSetByHand = byHand;
    }
}
