using Portal.Core.Caching;
using Portal.Core.Contents;
using Portal.Core.Tenancy;

namespace Portal.News.Services;

/// <summary>
/// An article published or taken down on a site (a delete takes it down first) changes the
/// "Tin từ các đơn vị" block and page of every site above it: their cached pages are evicted
/// through the kernel's invalidator, which also signals the other nodes, on commit. The site's own
/// pages are evicted by the kernel's content eviction already.
/// </summary>
/// <remarks>
/// The whole site's tag is evicted, not only the two pages: the block is on the home page, and the
/// signal between nodes carries a site and nothing finer. A busy province's cache therefore turns
/// over with its sites' news; a finer tag would need a third kind of eviction signal.
/// </remarks>
internal sealed class AncestorNewsEviction(ITenantCacheInvalidator cache, TenantCatalog catalog) : IContentEventHandler
{
    public IReadOnlyCollection<string> ContentTypes => [NewsFields.ContentType];

    public string? FeatureId => "Portal.News";

    public Task PublishedAsync(ContentItem version, CancellationToken cancellationToken) => EvictAncestorsAsync(version.TenantId, cancellationToken);

    public Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) => EvictAncestorsAsync(item.TenantId, cancellationToken);

    private async Task EvictAncestorsAsync(int tenantId, CancellationToken cancellationToken)
    {
        if (catalog.FindById(tenantId) is not { } tenant)
        {
            return;
        }

        foreach (var ancestor in catalog.Ancestors(tenant).Where(a => a.HasFeature("Portal.News")))
        {
            await cache.InvalidateAsync(ancestor.Id, cancellationToken);
        }
    }
}
