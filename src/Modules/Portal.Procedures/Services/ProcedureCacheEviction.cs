using Portal.Core.Caching;
using Portal.Core.Contents;
using Portal.Core.Tenancy;

namespace Portal.Procedures.Services;

/// <summary>
/// The province's commune- and district-level procedures appear on the sites below it, so a change
/// of the province's procedures makes those sites' cached pages stale too. The site's own pages
/// are evicted by the kernel (ContentCacheEviction); this evicts every site below the province with
/// one tag eviction (one message to the other nodes), however many communes there are.
/// </summary>
internal sealed class ProcedureCacheEviction(TenantCatalog catalog, ITenantCacheInvalidator cache) : IContentEventHandler
{
    public IReadOnlyCollection<string> ContentTypes => [ProcedureJson.ContentType];

    public Task PublishedAsync(ContentItem version, CancellationToken cancellationToken) => EvictBelowAsync(version);

    public Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) => EvictBelowAsync(item);

    private Task EvictBelowAsync(ContentItem item)
    {
        if (catalog.FindById(item.TenantId) is { Level: TenantLevel.Province })
        {
            cache.InvalidateBelow(item.TenantId);
        }

        return Task.CompletedTask;
    }
}
