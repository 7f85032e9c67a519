using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.Procedures.Models;

namespace Portal.Procedures.Services;

internal sealed record ProcedureAdminFilter(string? Search, string? Field, ProcedureLevel? Level, OnlineServiceLevel? Online, ContentState? State, string Sort);

internal sealed record ProcedureAdminRow(ContentItem Item, string Code, string Field, ProcedureLevel Level, OnlineServiceLevel Online);

/// <summary>The editors' list: the latest version of every procedure of the site (never the province's shared ones).</summary>
public sealed class ProcedureAdminQueries(PortalDbContext db)
{
    internal async Task<(IReadOnlyList<ProcedureAdminRow> Items, int Total)> SearchAsync(ProcedureAdminFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = from c in db.Set<ContentItem>().AsNoTracking()
                    join e in db.Set<ProcedureIndexEntry>().AsNoTracking() on c.ContentItemId equals e.ContentItemId
                    where c.ContentType == ProcedureJson.ContentType && c.Latest && !c.Deleted
                    select new { Item = c, Entry = e };
        var term = filter.Search?.Trim() ?? "";
        if (term.Length > 0)
        {
            var folded = TextFolding.Fold(term);
            var code = ProcedureEnvelope.NormalizeCode(term); // codes are stored upper-cased
            query = query.Where(r => r.Entry.NameFolded.Contains(folded) || r.Entry.Code.Contains(code));
        }

        if (!string.IsNullOrWhiteSpace(filter.Field))
        {
            query = query.Where(r => r.Entry.Field == filter.Field);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(r => r.Entry.Level == level);
        }

        if (filter.Online is { } online)
        {
            query = query.Where(r => r.Entry.OnlineLevel == online);
        }

        if (filter.State is { } state)
        {
            query = query.Where(r => r.Item.State == state);
        }

        query = filter.Sort switch
        {
            "code" => query.OrderBy(r => r.Entry.Code).ThenBy(r => r.Item.Id),
            "name" => query.OrderBy(r => r.Item.Title).ThenBy(r => r.Item.Id),
            _ => query.OrderByDescending(r => r.Item.ModifiedUtc).ThenByDescending(r => r.Item.Id),
        };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return ([.. rows.Select(r => new ProcedureAdminRow(r.Item, r.Entry.Code, r.Entry.Field, r.Entry.Level, r.Entry.OnlineLevel))], total);
    }

    public async Task<IReadOnlyList<string>> FieldsAsync(CancellationToken cancellationToken) =>
        await db.Set<ProcedureIndexEntry>().AsNoTracking().Where(e => e.Field != "").Select(e => e.Field).Distinct().OrderBy(f => f).ToListAsync(cancellationToken);
}
