using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>The public list's filters, already checked (an impossible one never reaches here).</summary>
public sealed record LegalDocumentFilter(
    string? Type = null,
    string? Authority = null,
    string? Field = null,
    string? Signer = null,
    int? Year = null,
    LegalStatus? Status = null,
    string? Number = null,
    string? Kind = null,
    string Sort = LegalDocumentFilter.ByIssueDate)
{
    public const string ByIssueDate = "ngay-ban-hanh";

    public const string ByEffectiveDate = "ngay-hieu-luc";

    public const string ByNumber = "so-ky-hieu";
}

/// <summary>A relation seen from one document: its kind, the other document's number, and that document when it is published here.</summary>
public sealed record LegalDocumentLink(string Label, string Number, PublishedLegalDocument? Document);

/// <summary>What the public pages read: the published projection.</summary>
public sealed class LegalDocumentQueries(PortalDbContext db, TimeProvider clock)
{
    public DateOnly Today => LegalStatuses.Today(clock);

    /// <summary>
    /// Counting stops here: "more than 1,000 documents" tells a citizen to narrow the filter as well
    /// as an exact figure does, and counting every match of a broad filter over 100,000 documents
    /// was most of the list page's cost in the benchmark.
    /// </summary>
    public const int CountLimit = 1000;

    /// <summary>A page of matches and how many there are, counted up to <see cref="CountLimit"/> (or up to the requested page, for deep links).</summary>
    public async Task<(IReadOnlyList<PublishedLegalDocument> Items, int Total, bool More)> SearchAsync(LegalDocumentFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var today = Today;
        var query = db.Set<PublishedLegalDocument>().AsNoTracking().Where(d => d.Culture == "vi");
        if (filter.Type is { } type)
        {
            query = query.Where(d => d.DocumentType == type);
        }

        if (filter.Authority is { } authority)
        {
            query = query.Where(d => d.IssuingAuthority == authority);
        }

        if (filter.Field is { } field)
        {
            query = query.Where(d => d.Field == field);
        }

        if (filter.Signer is { } signer)
        {
            query = query.Where(d => d.Signer == signer);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(d => d.IssueYear == year);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(d => d.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            query = WithNumberContaining(query, TextFolding.Fold(filter.Number));
        }

        // Status is derived here from the dates and today's date, never read from a stored status:
        // a document comes into force or expires at midnight without anyone writing anything.
        query = filter.Status switch
        {
            LegalStatus.Replaced => query.Where(d => d.Replaced),
            LegalStatus.NotYetEffective => query.Where(d => !d.Replaced && d.EffectiveOn > today),
            LegalStatus.Expired => query.Where(d => !d.Replaced && d.EffectiveOn <= today && d.ExpiresOn != null && d.ExpiresOn <= today),
            LegalStatus.InEffect => query.Where(d => !d.Replaced && d.EffectiveOn <= today && (d.ExpiresOn == null || d.ExpiresOn > today)),
            _ => query,
        };

        // Counted before ordering: an ORDER BY inside the count made SQLite walk the date index.
        var limit = Math.Max(CountLimit, page * pageSize);
        var counted = await query.Take(limit + 1).CountAsync(cancellationToken);
        var ordered = filter.Sort switch
        {
            LegalDocumentFilter.ByEffectiveDate => query.OrderByDescending(d => d.EffectiveOn).ThenByDescending(d => d.Id),
            LegalDocumentFilter.ByNumber => query.OrderBy(d => d.Number).ThenBy(d => d.Id),
            _ => query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id),
        };
        var items = counted == 0 ? [] : await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, Math.Min(counted, limit), counted > limit);
    }

    /// <summary>
    /// "Number contains" through a trigram index, so it seeks instead of reading every number: an
    /// FTS5 trigram table on SQLite (kept by triggers, see the migration) and a pg_trgm GIN index
    /// behind LIKE on PostgreSQL. Under three characters no trigram exists and both read the
    /// numbers, which is what a two-character search asks for anyway.
    /// </summary>
    private IQueryable<PublishedLegalDocument> WithNumberContaining(IQueryable<PublishedLegalDocument> query, string folded)
    {
        var literal = folded.IndexOfAny(['%', '_', '\\']) < 0;
        var pattern = "%" + (literal ? folded : folded.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)) + "%";
        if (db.Database.IsSqlite() && literal && folded.Length >= 3)
        {
            var matches = db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "LegalDocumentsPublished_fts" WHERE "NumberFolded" LIKE {pattern}""");
            return query.Where(d => matches.Contains(d.Id));
        }

        return query.Where(d => EF.Functions.Like(d.NumberFolded, pattern, "\\"));
    }

    public Task<PublishedLegalDocument?> BySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Set<PublishedLegalDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Slug == slug && d.Culture == "vi", cancellationToken);

    public Task<ContentItem?> PublishedVersionAsync(string contentItemId, CancellationToken cancellationToken) =>
        db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Published && !c.Deleted, cancellationToken);

    /// <summary>The document's relations both ways: what it replaces, amends, guides, and what replaces, amends, guides it.</summary>
    public async Task<(IReadOnlyList<LegalDocumentLink> Outgoing, IReadOnlyList<LegalDocumentLink> Incoming)> RelationsAsync(PublishedLegalDocument document, CancellationToken cancellationToken)
    {
        var outgoing = await db.Set<LegalDocumentRelation>().AsNoTracking().Where(r => r.SourceContentItemId == document.ContentItemId).OrderBy(r => r.Kind).ThenBy(r => r.TargetNumber).ToListAsync(cancellationToken);
        var numbers = outgoing.Select(r => r.TargetNumber).Distinct().ToList();
        var targets = (await db.Set<PublishedLegalDocument>().AsNoTracking().Where(d => numbers.Contains(d.Number) && d.Culture == "vi").ToListAsync(cancellationToken))
            .GroupBy(d => d.Number).ToDictionary(
                g => g.Key,
                // A yearly number names the latest one issued up to this document, not a later one.
                g => g.Where(d => d.IssuedOn <= document.IssuedOn).OrderByDescending(d => d.IssuedOn).FirstOrDefault() ?? g.OrderByDescending(d => d.IssuedOn).First(),
                StringComparer.Ordinal);

        var incoming = await (from r in db.Set<LegalDocumentRelation>().AsNoTracking()
                              join d in db.Set<PublishedLegalDocument>().AsNoTracking() on r.SourceContentItemId equals d.ContentItemId
                              where r.TargetNumber == document.Number && d.ContentItemId != document.ContentItemId && d.IssuedOn >= document.IssuedOn
                              orderby r.Kind, d.IssuedOn descending
                              select new { r.Kind, Document = d }).Take(200).ToListAsync(cancellationToken);
        return (
            [.. outgoing.Select(r => new LegalDocumentLink(RelationKinds.Outgoing(r.Kind), r.TargetNumber, targets.GetValueOrDefault(r.TargetNumber)))],
            [.. incoming.Select(i => new LegalDocumentLink(RelationKinds.Incoming(i.Kind), i.Document.Number, i.Document))]);
    }
}
