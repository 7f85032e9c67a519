using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Dialogues.Models;

namespace Portal.Dialogues.Services;

/// <summary>A published dialogue with its stage, as the public pages list and show it.</summary>
public sealed record DialogueSummary(PublishedDialogue Published, Dialogue Record);

/// <summary>What the public pages read: published dialogues with their stage, and each dialogue's published entries in order.</summary>
public sealed class DialogueQueries(PortalDbContext db)
{
    /// <summary>
    /// /doi-thoai: upcoming first (soonest first), then live, then the archive (newest first).
    /// The stage is stored as text, so the order is spelled out.
    /// </summary>
    public async Task<(IReadOnlyList<DialogueSummary> Items, int Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = from p in db.Set<PublishedDialogue>().AsNoTracking()
                    join d in db.Set<Dialogue>().AsNoTracking() on p.ContentItemId equals d.ContentItemId
                    select new { p, d };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(x => x.d.Stage == DialogueStage.Upcoming ? 0 : x.d.Stage == DialogueStage.Live ? 1 : 2)
            .ThenBy(x => x.d.Stage == DialogueStage.Ended ? (DateTime?)null : x.p.StartUtc)
            .ThenByDescending(x => x.p.StartUtc)
            .ThenBy(x => x.p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return ([.. rows.Select(r => new DialogueSummary(r.p, r.d))], total);
    }

    public async Task<DialogueSummary?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (slug.Length > 200)
        {
            return null;
        }

        var row = await (from p in db.Set<PublishedDialogue>().AsNoTracking()
                         join d in db.Set<Dialogue>().AsNoTracking() on p.ContentItemId equals d.ContentItemId
                         where p.Slug == slug
                         orderby p.Id
                         select new { p, d }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new DialogueSummary(row.p, row.d);
    }

    /// <summary>The dialogue's public entries after number <paramref name="after"/>, in order: what a live page asks for after the last entry it has.</summary>
    public async Task<IReadOnlyList<DialogueQuestion>> PublishedAfterAsync(string dialogueId, int after, CancellationToken cancellationToken) =>
        await db.Set<DialogueQuestion>().AsNoTracking()
            .Where(q => q.DialogueId == dialogueId && q.State == DialogueQuestionState.Published && q.Sequence > after)
            .OrderBy(q => q.Sequence)
            .ToListAsync(cancellationToken);
}
