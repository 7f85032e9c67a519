using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Contents;

namespace Portal.Core.Caching;

/// <summary>
/// Evicts a tenant's cached public pages. Called where public output changes: content published
/// or taken down (<see cref="ContentCacheEviction"/>), a static page saved, the site's settings or
/// menu changed (the tenant catalog) — not on drafts, audit rows or readers' pending comments.
/// </summary>
public interface ITenantCacheInvalidator
{
    void Invalidate(int tenantId);
}

/// <summary>
/// In-process eviction through the output cache's tags. Eviction is queued, not awaited, so a
/// write never waits on the cache. Across several nodes each node's cache also expires within
/// ten minutes; eviction over PostgreSQL LISTEN/NOTIFY is the planned next step.
/// </summary>
internal sealed class OutputCacheInvalidator(IOutputCacheStore store) : ITenantCacheInvalidator
{
    public void Invalidate(int tenantId) =>
        _ = store.EvictByTagAsync(PublicPageCachePolicy.TenantTag(tenantId), CancellationToken.None).AsTask();
}

/// <summary>Publishing or unpublishing any content type makes the site's cached lists and home stale.</summary>
internal sealed class ContentCacheEviction(ITenantCacheInvalidator cache) : IContentEventHandler
{
    public Task PublishedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        cache.Invalidate(version.TenantId);
        return Task.CompletedTask;
    }

    public Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        cache.Invalidate(item.TenantId);
        return Task.CompletedTask;
    }
}
