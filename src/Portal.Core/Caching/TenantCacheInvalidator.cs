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

    /// <summary>Evicts the cached pages of every site below this one (not its own): for content a site shares downwards, one message whatever the number of sites.</summary>
    void InvalidateBelow(int tenantId);
}

/// <summary>
/// Eviction through the output cache's tags, here and, on PostgreSQL, on every other node (a
/// "cache:{id}" event over LISTEN/NOTIFY). Eviction is queued, not awaited: a write never waits on it.
/// </summary>
internal sealed class OutputCacheInvalidator : ITenantCacheInvalidator
{
    private const string Prefix = "cache:";
    private const string BelowPrefix = "cache-below:";

    private readonly IOutputCacheStore _store;
    private readonly ClusterEvents _cluster;

    public OutputCacheInvalidator(IOutputCacheStore store, ClusterEvents cluster)
    {
        _store = store;
        _cluster = cluster;
        cluster.Received += message =>
        {
            if (message.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(message.AsSpan(Prefix.Length), out var tenantId))
            {
                EvictHere(tenantId);
            }
            else if (message.StartsWith(BelowPrefix, StringComparison.Ordinal) && int.TryParse(message.AsSpan(BelowPrefix.Length), out var ancestorId))
            {
                EvictBelowHere(ancestorId);
            }
        };
    }

    public void InvalidateBelow(int tenantId)
    {
        EvictBelowHere(tenantId);
        _cluster.Publish(BelowPrefix + tenantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private void EvictBelowHere(int ancestorId) =>
        _ = _store.EvictByTagAsync(PublicPageCachePolicy.BelowTag(ancestorId), CancellationToken.None).AsTask();

    public void Invalidate(int tenantId)
    {
        EvictHere(tenantId);
        _cluster.Publish(Prefix + tenantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private void EvictHere(int tenantId) =>
        _ = _store.EvictByTagAsync(PublicPageCachePolicy.TenantTag(tenantId), CancellationToken.None).AsTask();
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
