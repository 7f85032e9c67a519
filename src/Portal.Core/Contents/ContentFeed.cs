using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;

namespace Portal.Core.Contents;

/// <summary>
/// Keeps <see cref="ContentFeedEntry"/> rows for every type (a kernel handler, so a type added later
/// is in the feed without a line of its own). A change takes the site's next sequence number while
/// the site's feed is locked until commit (PostgreSQL: a transaction advisory lock per site; SQLite
/// writes one transaction at a time anyway), so numbers become visible in order: a reader that has
/// seen number N can never later find a committed change numbered below N — the stable cursor.
/// </summary>
internal sealed class ContentFeed(PortalDbContext db, TimeProvider clock) : IContentEventHandler
{
    /// <summary>"PortalFd" in ASCII, plus the site's id: one advisory lock key per site's feed.</summary>
    private const long LockBase = 0x506F7274616C4664 & ~0xFFFFFFFFL;

    public Task PublishedAsync(ContentItem version, CancellationToken cancellationToken) => RecordAsync(version, removed: false, cancellationToken);

    public Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) => RecordAsync(item, removed: true, cancellationToken);

    private async Task RecordAsync(ContentItem item, bool removed, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockBase | (uint)db.CurrentTenantId})", cancellationToken);
        }

        var next = (await db.Set<ContentFeedEntry>().MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0) + 1;
        var entry = await db.Set<ContentFeedEntry>().FirstOrDefaultAsync(e => e.ContentType == item.ContentType && e.ContentItemId == item.ContentItemId, cancellationToken);
        if (entry is null)
        {
            if (removed)
            {
                return; // never in the feed: nothing for a reader to forget
            }

            entry = new ContentFeedEntry { ContentType = item.ContentType, ContentItemId = item.ContentItemId };
            db.Add(entry);
        }

        entry.Culture = item.Culture;
        entry.Seq = next;
        entry.Removed = removed;
        entry.ChangedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>One page of a site's feed for one type: the public items and the tombstones, in sequence order.</summary>
public sealed record ContentFeedPage(
    IReadOnlyList<(ContentFeedEntry Entry, ContentItem? Item)> Entries,
    long Cursor,
    bool HasMore);

/// <summary>Reads the feed of the current site (the tenant filter applies); the content API's only query.</summary>
public sealed class ContentFeedReader(PortalDbContext db)
{
    // Compiled once per model (the API answers many pages a second): one statement per page, the
    // feed's index (TenantId, ContentType, Seq) driving and each entry's published version joined
    // by the content table's (TenantId, ContentItemId) index; a tombstone joins nothing.
    private static readonly CompiledQuery<Func<PortalDbContext, string, string?, long, bool, int, IAsyncEnumerable<FeedRow>>> PageQuery = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, string type, string? culture, long after, bool withRemoved, int take) =>
            (from e in db.Set<ContentFeedEntry>()
             where e.ContentType == type && e.Seq > after && (withRemoved || !e.Removed) && (culture == null || e.Culture == culture)
             join c in db.Set<ContentItem>().Where(c => c.Published && !c.Deleted)
                 on new { e.ContentType, e.ContentItemId } equals new { c.ContentType, c.ContentItemId } into published
             from c in published.DefaultIfEmpty()
             orderby e.Seq
             select new FeedRow(e, c))
            .AsNoTracking()
            .Take(take)));

    private static readonly CompiledQuery<Func<PortalDbContext, string, Task<long?>>> LatestQuery = new(() => EF.CompileAsyncQuery(
        (PortalDbContext db, string type) => db.Set<ContentFeedEntry>().Where(e => e.ContentType == type).Max(e => (long?)e.Seq)));

    /// <summary>The newest sequence number of a type on this site (0 when empty): what an ETag of any page of it depends on.</summary>
    public async Task<long> LatestSeqAsync(string contentType, CancellationToken cancellationToken) =>
        await LatestQuery.For(db)(db, contentType) ?? 0;

    /// <summary>
    /// Entries after <paramref name="afterSeq"/>, oldest change first; tombstones only when
    /// <paramref name="withRemoved"/> (an incremental pull). The items are the published versions.
    /// </summary>
    public async Task<ContentFeedPage> PageAsync(string contentType, string? culture, long afterSeq, bool withRemoved, int size, CancellationToken cancellationToken)
    {
        var rows = new List<(ContentFeedEntry Entry, ContentItem? Item)>(size + 1);
        await foreach (var row in PageQuery.For(db)(db, contentType, culture, afterSeq, withRemoved, size + 1).WithCancellation(cancellationToken))
        {
            rows.Add((row.Entry, row.Entry.Removed ? null : row.Item));
        }

        var hasMore = rows.Count > size;
        if (hasMore)
        {
            rows.RemoveAt(size);
        }

        var cursor = rows.Count > 0 ? rows[^1].Entry.Seq : afterSeq;
        return new ContentFeedPage(rows, cursor, hasMore);
    }

    private sealed record FeedRow(ContentFeedEntry Entry, ContentItem? Item);
}
