using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Portal.Core.Contents;
using Portal.Core.Persistence;

namespace Portal.Core.Caching;

/// <summary>
/// Evicts a site's cached public pages, in this process and in every other one (the other nodes,
/// a server while the CLI changes its data). Called where public output changes: content published
/// or taken down (<see cref="ContentCacheEviction"/>), a static page saved, a recipe run, the
/// site's state — not on drafts, audit rows or readers' pending comments. Scoped: the signal for
/// the other processes is written through the unit of work that made the change.
/// </summary>
public interface ITenantCacheInvalidator
{
    void Invalidate(int tenantId);

    /// <summary>Evicts the cached pages of every site below this one (not its own): for content a site shares downwards, one message whatever the number of sites.</summary>
    void InvalidateBelow(int tenantId);

    Task InvalidateAsync(int tenantId, CancellationToken cancellationToken = default)
    {
        Invalidate(tenantId);
        return Task.CompletedTask;
    }

    Task InvalidateBelowAsync(int tenantId, CancellationToken cancellationToken = default)
    {
        InvalidateBelow(tenantId);
        return Task.CompletedTask;
    }
}

/// <summary>
/// This process's output cache, evicted by tag: on a local change, and on a signal from another
/// process (a PostgreSQL NOTIFY through <see cref="ClusterEvents"/>, or a row found by the SQLite
/// poll of <see cref="CacheEvictionListener"/>). Never used on its own to evict for a change:
/// that is <see cref="ITenantCacheInvalidator"/>'s job, which also tells the other processes.
/// </summary>
internal sealed class LocalCacheEvictor
{
    internal const string Prefix = "cache:";
    internal const string BelowPrefix = "cache-below:";

    /// <summary>
    /// This process (this host's container: tests run several in one process), on the signals it
    /// writes: it evicted its own pages on commit, and skips them when they come back.
    /// </summary>
    public long Origin { get; } = Random.Shared.NextInt64(1, long.MaxValue);

    private readonly IOutputCacheStore _store;

    public LocalCacheEvictor(IOutputCacheStore store, ClusterEvents cluster)
    {
        _store = store;
        cluster.Received += message =>
        {
            // "cache:{tenantId}:{origin}" or "cache-below:{tenantId}:{origin}", from the table's trigger.
            var below = message.StartsWith(BelowPrefix, StringComparison.Ordinal);
            if (!below && !message.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return;
            }

            var rest = message.AsSpan(below ? BelowPrefix.Length : Prefix.Length);
            var colon = rest.IndexOf(':');
            var id = colon < 0 ? rest : rest[..colon];
            var fromHere = colon >= 0 && long.TryParse(rest[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var origin) && origin == Origin;
            if (!fromHere && int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var tenantId))
            {
                Evict(tenantId, below);
            }
        };
    }

    public void Evict(int tenantId, bool below) =>
        _ = _store.EvictByTagAsync(below ? PublicPageCachePolicy.BelowTag(tenantId) : PublicPageCachePolicy.TenantTag(tenantId), CancellationToken.None).AsTask();
}

/// <summary>
/// Evicts here at once (and again on commit, <see cref="AfterCommitEviction"/>), and writes a <see cref="CacheEviction"/> row through the scope's
/// <see cref="PortalDbContext"/> so that the signal commits with the change: inside the caller's
/// transaction when there is one (a recipe run, provisioning), with the caller's pending changes
/// when they are not saved yet, and on its own otherwise (the change is already committed). Other
/// processes evict when they see the row — after the commit, never before it, so none of them can
/// cache the old page again in between. One row per site and transaction: a recipe importing 200
/// articles writes one.
/// </summary>
internal sealed partial class OutputCacheInvalidator(LocalCacheEvictor local, PortalDbContext db, TimeProvider clock, ILogger<OutputCacheInvalidator> logger) : ITenantCacheInvalidator
{
    private readonly HashSet<(int TenantId, bool Below)> _signalledInTransaction = [];
    private IDbContextTransaction? _transaction;

    public void Invalidate(int tenantId) => Signal(tenantId, below: false);

    public void InvalidateBelow(int tenantId) => Signal(tenantId, below: true);

    public Task InvalidateAsync(int tenantId, CancellationToken cancellationToken = default) => SignalAsync(tenantId, below: false, cancellationToken);

    public Task InvalidateBelowAsync(int tenantId, CancellationToken cancellationToken = default) => SignalAsync(tenantId, below: true, cancellationToken);

    private void Signal(int tenantId, bool below)
    {
        if (!AddSignal(tenantId, below))
        {
            return;
        }

        try
        {
            db.SaveChanges();
        }
        catch (Exception ex) when (db.Database.CurrentTransaction is null && ex is DbUpdateException or System.Data.Common.DbException)
        {
            // The change itself is committed; failing its request now would only mislead.
            LogSignalFailed(logger, tenantId, ex);
        }
    }

    private async Task SignalAsync(int tenantId, bool below, CancellationToken cancellationToken)
    {
        if (!AddSignal(tenantId, below))
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (db.Database.CurrentTransaction is null && ex is DbUpdateException or System.Data.Common.DbException)
        {
            LogSignalFailed(logger, tenantId, ex);
        }
    }

    /// <summary>
    /// Evicts here now, and again on commit when the change is not committed yet; adds the row
    /// unless this unit of work already carries the same signal. True when the row must be saved
    /// now: nothing pending will carry it.
    /// </summary>
    private bool AddSignal(int tenantId, bool below)
    {
        local.Evict(tenantId, below);
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null)
        {
            if (!ReferenceEquals(transaction, _transaction))
            {
                _transaction = transaction;
                _signalledInTransaction.Clear();
            }

            if (!_signalledInTransaction.Add((tenantId, below)))
            {
                return false;
            }
        }
        else if (db.ChangeTracker.Entries<CacheEviction>().Any(e => e.State == EntityState.Added && e.Entity.TenantId == tenantId && e.Entity.Below == below))
        {
            return false;
        }

        var pending = db.ChangeTracker.HasChanges();
        if (transaction is not null || pending)
        {
            AfterCommitEviction.Add(db, local, tenantId, below);
        }

        db.Add(new CacheEviction { TenantId = tenantId, Below = below, Origin = local.Origin, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        return !pending;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the cache-eviction signal of site {TenantId}; other processes' cached pages expire on their own.")]
    private static partial void LogSignalFailed(ILogger logger, int tenantId, Exception ex);
}

/// <summary>Publishing or unpublishing any content type makes the site's cached lists and home stale.</summary>
internal sealed class ContentCacheEviction(ITenantCacheInvalidator cache) : IContentEventHandler
{
    public Task PublishedAsync(ContentItem version, CancellationToken cancellationToken) =>
        cache.InvalidateAsync(version.TenantId, cancellationToken);

    public Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) =>
        cache.InvalidateAsync(item.TenantId, cancellationToken);
}
