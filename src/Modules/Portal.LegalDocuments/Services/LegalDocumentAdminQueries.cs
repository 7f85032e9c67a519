using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

public sealed record LegalDocumentAdminFilter(string? Search, ContentState? State, string? Type, int? Year, string Sort);

/// <summary>One line of the editors' list: the latest version and its number.</summary>
public sealed record LegalDocumentAdminRow(ContentItem Item, string Number, string DocumentType, string IssuingAuthority);

/// <summary>The editors' list: the latest version of every document, searched folded (number, summary), filtered and sorted.</summary>
public sealed class LegalDocumentAdminQueries(PortalDbContext db)
{
    public async Task<(IReadOnlyList<LegalDocumentAdminRow> Items, int Total)> SearchAsync(LegalDocumentAdminFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = from c in db.Set<ContentItem>().AsNoTracking()
                    join k in db.Set<LegalDocumentKey>().AsNoTracking() on c.ContentItemId equals k.ContentItemId
                    where c.ContentType == LegalDocumentData.ContentType && c.Latest && !c.Deleted
                    select new { Item = c, Key = k };
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = TextFolding.Fold(filter.Search);
            query = query.Where(x => x.Key.SearchFolded.Contains(term));
        }

        if (filter.State is { } state)
        {
            query = query.Where(x => x.Item.State == state);
        }

        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            query = query.Where(x => x.Key.DocumentType == filter.Type);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(x => x.Key.IssueYear == year);
        }

        query = filter.Sort switch
        {
            "number" => query.OrderBy(x => x.Key.Number).ThenBy(x => x.Item.Id),
            "year" => query.OrderByDescending(x => x.Key.IssueYear).ThenByDescending(x => x.Item.Id),
            _ => query.OrderByDescending(x => x.Item.ModifiedUtc).ThenByDescending(x => x.Item.Id),
        };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return ([.. rows.Select(r => new LegalDocumentAdminRow(r.Item, r.Key.Number, r.Key.DocumentType, r.Key.IssuingAuthority))], total);
    }
}
