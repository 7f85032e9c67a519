using Portal.Core.Caching;
using Portal.Core.Contents;
using Portal.Core.Tenancy;

namespace Portal.Procedures.Services;

/// <summary>
/// The province's commune- and district-level procedures appear on the sites below it, so a change
/// of the province's procedures makes those sites' cached pages stale too. The site's own pages
/// are evicted by the kernel (ContentCacheEviction); this evicts every descendant in the tenant
/// catalog, which on PostgreSQL also reaches the other nodes. Simple over clever: any published or
/// withdrawn procedure of a site with descendants evicts them all.
/// </summary>
internal sealed class ProcedureCacheEviction(TenantCatalog catalog, ITenantCacheInvalidator cache) : IContentEventHandler
{
    public Task PublishedAsync(ContentItem version, CancellationToken cancellationToken) => EvictDescendantsAsync(version);

    public Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) => EvictDescendantsAsync(item);

    private Task EvictDescendantsAsync(ContentItem item)
    {
        if (item.ContentType != ProcedureJson.ContentType || catalog.FindById(item.TenantId) is not { Level: TenantLevel.Province })
        {
            return Task.CompletedTask;
        }

        foreach (var site in catalog.All.Where(t => t.ParentId is not null && catalog.Ancestors(t).Any(a => a.Id == item.TenantId)))
        {
            cache.Invalidate(site.Id);
        }

        return Task.CompletedTask;
    }
}
