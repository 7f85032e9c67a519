using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Text;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>
/// Keeps the module's tables in step with the content lifecycle: the key row of the latest version
/// on every save, the published row and its relations on every (un)publication, and the
/// <see cref="PublishedLegalDocument.Replaced"/> flag of the documents a publication replaces.
/// </summary>
internal sealed class LegalDocumentProjection(PortalDbContext db, LegalDocumentFacets facets) : IContentEventHandler
{
    public IReadOnlyCollection<string> ContentTypes => [LegalDocumentData.ContentType];

    public string? FeatureId => LegalDocumentData.FeatureId;

    public async Task SavedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var fields = LegalDocumentData.Read(version.Data);
        var row = await db.Set<LegalDocumentKey>().FirstOrDefaultAsync(k => k.ContentItemId == version.ContentItemId, cancellationToken);
        if (row is null)
        {
            row = new LegalDocumentKey { ContentItemId = version.ContentItemId };
            db.Add(row);
        }

        (row.NumberKey, row.AuthorityKey) = LegalDocumentData.Key(fields.Number, fields.IssuingAuthority);
        row.Number = fields.Number;
        row.DocumentType = fields.DocumentType;
        row.IssuingAuthority = fields.IssuingAuthority;
        row.IssueYear = fields.IssuedOn?.Year ?? 0;
        var search = TextFolding.Fold(fields.Number + " " + fields.Summary);
        row.SearchFolded = search.Length > 2200 ? search[..2200] : search;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task PublishedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var fields = LegalDocumentData.Read(version.Data);
        var row = await db.RowForAsync<PublishedLegalDocument>(version, cancellationToken);
        var affected = new HashSet<string>(StringComparer.Ordinal) { fields.Number };
        if (row.Number.Length > 0)
        {
            affected.Add(row.Number); // the number it had when published before
        }

        var issued = fields.IssuedOn ?? DateOnly.FromDateTime(version.CreatedUtc);
        row.Culture = version.Culture;
        row.Title = version.Title;
        row.Number = fields.Number;
        row.NumberFolded = TextFolding.Fold(fields.Number);
        row.DocumentType = fields.DocumentType;
        row.IssuingAuthority = fields.IssuingAuthority;
        row.Field = fields.Field;
        row.Signer = fields.Signer;
        row.SignerPosition = fields.SignerPosition;
        row.IssuedOn = issued;
        row.IssueYear = issued.Year;
        row.EffectiveOn = fields.EffectiveOn ?? issued;
        row.ExpiresOn = fields.ExpiresOn;
        row.Kind = fields.Kind;
        row.Summary = fields.Summary.Length > 2000 ? fields.Summary[..2000] : fields.Summary;
        row.SummaryFolded = TextFolding.Fold(row.Summary);
        row.PublishedUtc = version.PublishedUtc ?? version.ModifiedUtc;

        affected.UnionWith(await ReplaceRelationsAsync(version.ContentItemId, fields, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await RecomputeReplacedAsync(affected, cancellationToken);
        facets.Forget();
    }

    public async Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var affected = await ReplaceRelationsAsync(item.ContentItemId, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<PublishedLegalDocument>().Where(d => d.ContentItemId == item.ContentItemId).ExecuteDeleteAsync(cancellationToken);
        if (item.Deleted)
        {
            // A deleted document frees its number and authority for another item.
            await db.Set<LegalDocumentKey>().Where(k => k.ContentItemId == item.ContentItemId).ExecuteDeleteAsync(cancellationToken);
        }

        await RecomputeReplacedAsync(affected, cancellationToken);
        facets.Forget();
    }

    /// <summary>Sets the source's relations to those of <paramref name="fields"/> (none when null); returns the numbers whose replacement may have changed.</summary>
    private async Task<HashSet<string>> ReplaceRelationsAsync(string sourceId, LegalDocumentFields? fields, CancellationToken cancellationToken)
    {
        var old = await db.Set<LegalDocumentRelation>().Where(r => r.SourceContentItemId == sourceId).ToListAsync(cancellationToken);
        db.RemoveRange(old);
        var affected = old.Where(r => r.Kind == RelationKinds.Replaces).Select(r => r.TargetNumber).ToHashSet(StringComparer.Ordinal);
        if (fields is null)
        {
            return affected;
        }

        foreach (var (kind, numbers) in new[] { (RelationKinds.Replaces, fields.Replaces), (RelationKinds.Amends, fields.Amends), (RelationKinds.Guides, fields.Guides) })
        {
            foreach (var number in numbers.Distinct(StringComparer.Ordinal))
            {
                db.Add(new LegalDocumentRelation { SourceContentItemId = sourceId, Kind = kind, TargetNumber = number });
            }
        }

        affected.UnionWith(fields.Replaces);
        return affected;
    }

    /// <summary>
    /// A document is replaced while some published document of the site, issued on or after it,
    /// names its number under "replaces". Relations exist only for published documents, so their
    /// presence is the answer; the date keeps a yearly number (12/QĐ-UBND of 2025 and of 2026)
    /// from taking the older one's replacement.
    /// </summary>
    private async Task RecomputeReplacedAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        var list = numbers.Where(n => n.Length > 0).ToList();
        if (list.Count == 0)
        {
            return;
        }

        var replacements = await (
            from r in db.Set<LegalDocumentRelation>().AsNoTracking()
            where r.Kind == RelationKinds.Replaces && list.Contains(r.TargetNumber)
            join source in db.Set<PublishedLegalDocument>().AsNoTracking() on r.SourceContentItemId equals source.ContentItemId
            select new { r.TargetNumber, source.IssuedOn }).ToListAsync(cancellationToken);
        var targets = await db.Set<PublishedLegalDocument>().Where(d => list.Contains(d.Number)).ToListAsync(cancellationToken);
        foreach (var target in targets)
        {
            target.Replaced = replacements.Any(r => r.TargetNumber == target.Number && r.IssuedOn >= target.IssuedOn);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
