using Microsoft.EntityFrameworkCore;
using Portal.Core.Contents;
using Portal.Core.Persistence;

namespace Portal.Core.Search;

/// <summary>
/// Writes the search queue (a kernel content handler for every type that registered an
/// <see cref="ISearchSource"/>): one entry when an item's public version changes or goes, inside the
/// change's own transaction. The entry names the item only; the index reads the version that is
/// public when it gets there, so entries applied twice or late still end where the table is.
/// </summary>
public sealed class SearchQueue(PortalDbContext db, IEnumerable<ISearchSource> sources, TimeProvider clock) : IContentEventHandler
{
    // Every node keeps the index, whatever features a site has: search is the installation's.
    private readonly HashSet<string> types = [.. sources.Select(s => s.ContentType)];

    public IReadOnlyCollection<string> ContentTypes => types;

    Task IContentEventHandler.PublishedAsync(ContentItem version, CancellationToken cancellationToken) => ItemChangedAsync(version, cancellationToken);

    Task IContentEventHandler.UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) => ItemChangedAsync(item, cancellationToken);

    private Task ItemChangedAsync(ContentItem item, CancellationToken cancellationToken) =>
        types.Contains(item.ContentType)
            ? AddAsync(SearchQueueKind.Item, item.TenantId, item.ContentType, item.ContentItemId, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Every node drops the site's documents and indexes its published items again.</summary>
    public Task ReindexSiteAsync(int tenantId, CancellationToken cancellationToken) =>
        AddAsync(SearchQueueKind.Site, tenantId, "", "", cancellationToken);

    /// <summary>Every node rebuilds its whole index from the content table.</summary>
    public Task RebuildAllAsync(CancellationToken cancellationToken) =>
        AddAsync(SearchQueueKind.All, 0, "", "", cancellationToken);

    private async Task AddAsync(SearchQueueKind kind, int tenantId, string type, string id, CancellationToken cancellationToken)
    {
        long? txId = null;
        if (db.Database.IsNpgsql())
        {
            // The id must be the inserting transaction's: outside one, the SELECT would run in a
            // transaction of its own that commits at once, and a node could pass the entry unseen.
            if (db.Database.CurrentTransaction is null)
            {
                await db.InTransactionAsync(
                    async () =>
                    {
                        await AddAsync(kind, tenantId, type, id, cancellationToken);
                        return true;
                    },
                    cancellationToken);
                return;
            }

            txId = await db.Database.SqlQuery<long>($"SELECT pg_current_xact_id()::text::bigint AS \"Value\"").SingleAsync(cancellationToken);
        }

        db.Add(new SearchQueueEntry
        {
            Kind = kind,
            TenantId = tenantId,
            ContentType = type,
            ContentItemId = id,
            TxId = txId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
