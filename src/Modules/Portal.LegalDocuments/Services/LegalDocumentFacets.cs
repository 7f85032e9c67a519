using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.LegalDocuments.Models;

namespace Portal.LegalDocuments.Services;

/// <summary>The values the public filters offer (types, authorities, fields, signers, years in use).</summary>
public sealed record LegalDocumentChoices(IReadOnlyList<string> Types, IReadOnlyList<string> Authorities, IReadOnlyList<string> Fields, IReadOnlyList<string> Signers, IReadOnlyList<int> Years);

/// <summary>
/// The filter choices of a site, kept in memory: reading the distinct values walks every published
/// row (100,000 in the benchmark), far more than the filtered page itself. This node forgets them on
/// each (un)publication here; another node's publication shows up within <see cref="Lifetime"/>.
/// </summary>
public sealed class LegalDocumentFacets(PortalDbContext db, IMemoryCache cache, TenantContext tenant)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private string CacheKey => "legal-document-choices:" + tenant.TenantId;

    public void Forget() => cache.Remove(CacheKey);

    public async Task<LegalDocumentChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey, out LegalDocumentChoices? choices) && choices is not null)
        {
            return choices;
        }

        var docs = db.Set<PublishedLegalDocument>().AsNoTracking();
        choices = new LegalDocumentChoices(
            await docs.Select(d => d.DocumentType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken),
            await docs.Select(d => d.IssuingAuthority).Distinct().OrderBy(t => t).ToListAsync(cancellationToken),
            await docs.Where(d => d.Field != "").Select(d => d.Field).Distinct().OrderBy(t => t).ToListAsync(cancellationToken),
            await docs.Where(d => d.Signer != "").Select(d => d.Signer).Distinct().OrderBy(t => t).ToListAsync(cancellationToken),
            await docs.Select(d => d.IssueYear).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken));
        cache.Set(CacheKey, choices, Lifetime);
        return choices;
    }
}
