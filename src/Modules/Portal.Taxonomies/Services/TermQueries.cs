using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.Taxonomies.Models;

namespace Portal.Taxonomies.Services;

/// <summary>Terms of the current site and the items filed under them (public for the controllers' constructors; its members stay inside the module).</summary>
public sealed class TermQueries(PortalDbContext db)
{
    internal Task<Term?> FindAsync(string vocabulary, string slug, CancellationToken cancellationToken) =>
        db.Set<Term>().AsNoTracking().FirstOrDefaultAsync(t => t.Vocabulary == vocabulary && t.Slug == slug, cancellationToken);

    internal Task<Term?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<Term>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    internal async Task<(IReadOnlyList<TermAssignment> Items, int Total)> ItemsAsync(string vocabulary, string slug, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Set<TermAssignment>().AsNoTracking().Where(a => a.Vocabulary == vocabulary && a.TermSlug == slug);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.PublishedUtc).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>The admin list: terms (not merged away) matching the search, folded, with how many published items carry each.</summary>
    internal async Task<(IReadOnlyList<(Term Term, int Items)> Terms, int Total)> SearchAsync(string vocabulary, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Set<Term>().AsNoTracking().Where(t => t.Vocabulary == vocabulary && t.MergedInto == null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var folded = TextFolding.Fold(search);
            query = query.Where(t => t.Folded.Contains(folded));
        }

        var total = await query.CountAsync(cancellationToken);
        var terms = await query.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var slugs = terms.Select(t => t.Slug).ToList();
        var counts = await db.Set<TermAssignment>().AsNoTracking()
            .Where(a => a.Vocabulary == vocabulary && slugs.Contains(a.TermSlug))
            .GroupBy(a => a.TermSlug).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return ([.. terms.Select(t => (t, counts.GetValueOrDefault(t.Slug)))], total);
    }
}
