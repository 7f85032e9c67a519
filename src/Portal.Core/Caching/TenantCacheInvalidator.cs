using Microsoft.AspNetCore.OutputCaching;

namespace Portal.Core.Caching;

/// <summary>Evicts a tenant's cached public pages; called after every write to its rows.</summary>
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
