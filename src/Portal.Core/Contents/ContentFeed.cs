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
    /// <summary>The newest sequence number of a type on this site (0 when empty): what an ETag of any page of it depends on.</summary>
    public async Task<long> LatestSeqAsync(string contentType, CancellationToken cancellationToken) =>
        await db.Set<ContentFeedEntry>().Where(e => e.ContentType == contentType).MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0;

    /// <summary>
    /// Entries after <paramref name="afterSeq"/>, oldest change first; tombstones only when
    /// <paramref name="withRemoved"/> (an incremental pull). The items are the published versions.
    /// </summary>
    public async Task<ContentFeedPage> PageAsync(string contentType, string? culture, long afterSeq, bool withRemoved, int size, CancellationToken cancellationToken)
    {
        var query = db.Set<ContentFeedEntry>().AsNoTracking().Where(e => e.ContentType == contentType && e.Seq > afterSeq);
        if (!withRemoved)
        {
            query = query.Where(e => !e.Removed);
        }

        if (culture is not null)
        {
            query = query.Where(e => e.Culture == culture);
        }

        var entries = await query.OrderBy(e => e.Seq).Take(size + 1).ToListAsync(cancellationToken);
        var hasMore = entries.Count > size;
        if (hasMore)
        {
            entries.RemoveAt(size);
        }

        var liveIds = entries.Where(e => !e.Removed).Select(e => e.ContentItemId).ToList();
        var items = liveIds.Count == 0
            ? new Dictionary<string, ContentItem>()
            : await db.Set<ContentItem>().AsNoTracking()
                .Where(c => c.ContentType == contentType && c.Published && !c.Deleted && liveIds.Contains(c.ContentItemId))
                .ToDictionaryAsync(c => c.ContentItemId, cancellationToken);
        var cursor = entries.Count > 0 ? entries[^1].Seq : afterSeq;
        return new ContentFeedPage([.. entries.Select(e => (e, items.GetValueOrDefault(e.ContentItemId)))], cursor, hasMore);
    }
}
