using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.Questions.Models;

namespace Portal.Questions.Services;

/// <summary>The public filters of /hoi-dap; null means "any". <paramref name="Field"/> is a field's slug.</summary>
internal sealed record QuestionFilter(string? Search, string? Field, string? Agency);

/// <summary>What /hoi-dap and /hoi-dap/{slug} read: the site's published answers (QuestionsPublished), newest first.</summary>
// Public only because MVC controllers, which must be public, take it.
public sealed class QuestionList(PortalDbContext db)
{
    public const int MaxFilterLength = 200;

    internal async Task<(IReadOnlyList<PublishedQuestion> Items, int Total)> SearchAsync(QuestionFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Set<PublishedQuestion>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Field))
        {
            query = query.Where(p => p.Field == filter.Field);
        }

        if (!string.IsNullOrWhiteSpace(filter.Agency))
        {
            query = query.Where(p => p.Agency == filter.Agency);
        }

        var exact = filter.Search?.Trim() ?? "";
        var folded = TextFolding.Fold(exact);
        if (folded.Length > 0)
        {
            query = query.Where(p => p.SearchFolded.Contains(folded));
        }

        var total = await query.CountAsync(cancellationToken);

        // Folding makes dương/đường collide: a title with the exact diacritics typed comes first.
        var ordered = folded.Length > 0
            ? query.OrderBy(p => p.Title.Contains(exact) ? 0 : 1).ThenByDescending(p => p.AnsweredUtc)
            : query.OrderByDescending(p => p.AnsweredUtc);
        var items = await ordered.ThenByDescending(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>The fields that occur among the published answers, as slugs.</summary>
    public async Task<IReadOnlyList<string>> FieldsAsync(CancellationToken cancellationToken) =>
        await db.Set<PublishedQuestion>().Where(p => p.Field != "").Select(p => p.Field).Distinct().ToListAsync(cancellationToken);

    /// <summary>The agencies that occur among the published answers.</summary>
    public async Task<IReadOnlyList<string>> AgenciesAsync(CancellationToken cancellationToken) =>
        await db.Set<PublishedQuestion>().Where(p => p.Agency != "").Select(p => p.Agency).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    internal Task<PublishedQuestion?> FindAsync(string slug, CancellationToken cancellationToken) =>
        db.Set<PublishedQuestion>().AsNoTracking().Where(p => p.Slug == slug).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
}
