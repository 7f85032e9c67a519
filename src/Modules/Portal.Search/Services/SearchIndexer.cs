using System.Diagnostics;
using Lucene.Net.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Search;
using Portal.Core.Tenancy;

namespace Portal.Search.Services;

/// <summary>
/// Keeps this node's index current: at start it opens the index and, when the index is new, wiped,
/// of an older schema or older than the queue keeps, rebuilds it from the content table; then it
/// applies the queue every <see cref="SearchIndexOptions.PollMilliseconds"/>. Each batch is one
/// Lucene commit carrying the queue position it reflects. An entry names an item; the item's
/// published version is read when the entry is applied, so applying one twice changes nothing.
/// </summary>
[CrossTenant("The installation's one search index (one per node) is built from every site's published items and kept current from every site's queue entries; every document keeps its site and ancestors, and every search filters on them (SiteSearch). Read-only: nothing of a site is written here.")]
public sealed class SearchIndexer(
    SearchIndex index,
    IServiceScopeFactory scopes,
    TenantCatalog catalog,
    IEnumerable<ISearchSource> sources,
    IEnumerable<ContentTypeDefinition> definitions,
    IOptions<SearchIndexOptions> options,
    TimeProvider clock,
    ILogger<SearchIndexer> log) : BackgroundService
{
    private const int BatchSize = 500;
    private const int ScanPage = 1000;

    private readonly Dictionary<string, ISearchSource> byType = sources.ToDictionary(s => s.ContentType);
    private readonly Dictionary<string, ContentTypeDefinition> definitionOf = definitions.GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.First());
    private readonly SemaphoreSlim writing = new(1, 1);
    private long position;
    private DateTime lastCommitUtc;
    private DateTime lastPruneUtc;

    /// <summary>Completed once the index is open and built (tests and the CLI wait for it).</summary>
    public Task Ready => ready.Task;

    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The queue position this node has applied (what the index reflects).</summary>
    public long Position => position;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.PollMilliseconds, 20, 10_000));
        var warned = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!index.IsOpen && !await OpenAsync(null, stoppingToken))
                {
                    if (!warned)
                    {
                        log.LogWarning("The search index at {Path} is held by another process; this node's search waits for it.", index.Path);
                        warned = true;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                    continue;
                }

                await CatchUpAsync(null, stoppingToken);
                await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The queue keeps the work: the next round takes it again from the last commit.
                log.LogError(ex, "The search index could not be brought up to date; trying again.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    /// <summary>Opens the index, rebuilding it when it cannot be caught up; false when another process holds it.</summary>
    public async Task<bool> OpenAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            if (index.IsOpen)
            {
                return true;
            }

            if (!index.TryOpen())
            {
                return false;
            }

            var retention = TimeSpan.FromDays(Math.Max(1, options.Value.QueueRetentionDays));
            var now = clock.GetUtcNow().UtcDateTime;
            if (index.Position is { } known && index.PositionUtc is { } at && now - at < retention - TimeSpan.FromHours(12))
            {
                position = known;
                lastCommitUtc = at;
                log.LogInformation("Search index opened at queue position {Position} ({Count} documents).", position, index.DocumentCount);
            }
            else
            {
                await RebuildCoreAsync(progress, cancellationToken);
            }

            ready.TrySetResult();
            return true;
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Applies every queue entry after this node's position; returns how many it read.</summary>
    public async Task<int> CatchUpAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            while (true)
            {
                var (entries, next) = await SearchQueueReader.ReadAsync(db, position, BatchSize, cancellationToken);
                if (entries.Count == 0)
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    if (next != position || now - lastCommitUtc > TimeSpan.FromHours(1))
                    {
                        // Nothing to apply, but the position moved (PostgreSQL) or is getting old: a cheap commit keeps restarts short.
                        position = next;
                        if (now - lastCommitUtc > TimeSpan.FromMinutes(1))
                        {
                            Commit(now);
                        }
                    }

                    await PruneAsync(db, now, cancellationToken);
                    return total;
                }

                total += entries.Count;
                if (entries.Any(e => e.Kind == SearchQueueKind.All))
                {
                    await RebuildCoreAsync(progress, cancellationToken);
                    continue;
                }

                await ApplyAsync(db, entries, progress, cancellationToken);
                position = next;
                Commit(clock.GetUtcNow().UtcDateTime);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Drops every document and indexes every published item again (the CLI's <c>search rebuild</c> queues this for every node).</summary>
    private async Task RebuildCoreAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        // Read the head first: what commits after it is in the queue after it and gets applied again.
        var head = await SearchQueueReader.HeadAsync(db, cancellationToken);
        log.LogInformation("Rebuilding the search index at {Path} from the content table.", index.Path);
        index.Writer.DeleteAll();
        var count = await IndexPublishedAsync(db, siteId: null, progress, cancellationToken);

        // A fresh index in one segment: every term of every query is then looked up once, not once per segment.
        index.Writer.ForceMerge(1);
        position = head;
        Commit(clock.GetUtcNow().UtcDateTime);
        log.LogInformation("Search index rebuilt: {Count} documents in {Seconds:0.0} s.", count, watch.Elapsed.TotalSeconds);
        progress?.Report($"Indexed {count:N0} published items in {watch.Elapsed.TotalSeconds:0.0} s.");
    }

    private async Task ApplyAsync(PortalDbContext db, List<SearchQueueEntry> entries, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var sites = entries.Where(e => e.Kind == SearchQueueKind.Site).Select(e => e.TenantId).ToHashSet();
        foreach (var siteId in sites)
        {
            index.Writer.DeleteDocuments(SearchDocuments.SiteTerm(siteId));
            var count = await IndexPublishedAsync(db, siteId, progress, cancellationToken);
            log.LogInformation("Search documents of site {SiteId} rebuilt: {Count}.", siteId, count);
        }

        var items = entries.Where(e => e.Kind == SearchQueueKind.Item && !sites.Contains(e.TenantId) && byType.ContainsKey(e.ContentType))
            .DistinctBy(e => (e.TenantId, e.ContentType, e.ContentItemId))
            .ToList();

        // One query per few hundred entries, whatever the sites: a batch of changes spread over
        // hundreds of communes must not cost a round trip each.
        var published = new Dictionary<(int, string, string), ContentItem>();
        foreach (var chunk in items.Chunk(ScanPage))
        {
            var tenantIds = chunk.Select(e => e.TenantId).Distinct().ToList();
            var ids = chunk.Select(e => e.ContentItemId).Distinct().ToList();
            var rows = await db.Set<ContentItem>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
                .Where(c => tenantIds.Contains(c.TenantId) && ids.Contains(c.ContentItemId) && c.Published && !c.Deleted)
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                published[(row.TenantId, row.ContentType, row.ContentItemId)] = row;
            }
        }

        var sitesById = new Dictionary<int, Tenant?>();
        foreach (var tenantId in items.Select(e => e.TenantId).Distinct())
        {
            sitesById[tenantId] = await FindSiteAsync(tenantId, cancellationToken);
        }

        // Analysis is the cost: IndexWriter takes documents from several threads at once.
        Parallel.ForEach(items, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, entry =>
        {
            var key = SearchDocuments.KeyTerm(entry.TenantId, entry.ContentType, entry.ContentItemId);
            if (published.TryGetValue((entry.TenantId, entry.ContentType, entry.ContentItemId), out var item)
                && sitesById[entry.TenantId] is { } tenant && Build(item, tenant) is { } doc)
            {
                index.Writer.UpdateDocument(key, doc, SearchAnalyzers.For(item.Culture));
            }
            else
            {
                index.Writer.DeleteDocuments(key);
            }
        });
    }

    /// <summary>Adds the published items of one site or of all (the documents must be gone already), several at a time.</summary>
    private async Task<int> IndexPublishedAsync(PortalDbContext db, int? siteId, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var types = byType.Keys.ToList();
        var count = 0;
        var lastId = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        var sitesById = new Dictionary<int, Tenant?>();
        while (true)
        {
            var query = db.Set<ContentItem>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
                .Where(c => c.Id > lastId && c.Published && !c.Deleted && types.Contains(c.ContentType));
            if (siteId is { } only)
            {
                query = query.Where(c => c.TenantId == only);
            }

            var page = await query.OrderBy(c => c.Id).Take(ScanPage).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return count;
            }

            lastId = page[^1].Id;
            foreach (var tenantId in page.Select(c => c.TenantId).Distinct().Where(id => !sitesById.ContainsKey(id)))
            {
                sitesById[tenantId] = await FindSiteAsync(tenantId, cancellationToken);
            }

            // Analysis is the cost: IndexWriter takes documents from several threads at once.
            Parallel.ForEach(page, parallel, item =>
            {
                if (sitesById[item.TenantId] is { } tenant && Build(item, tenant) is { } doc)
                {
                    index.Writer.AddDocument(doc, SearchAnalyzers.For(item.Culture));
                    Interlocked.Increment(ref count);
                }
            });

            progress?.Report($"Indexed {count:N0} published items…");
        }
    }

    private Document? Build(ContentItem item, Tenant site)
    {
        try
        {
            return SearchDocuments.Build(item, byType[item.ContentType], definitionOf.GetValueOrDefault(item.ContentType), site, catalog.Ancestors(site));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            // One unreadable row must not stop the index of the installation.
            log.LogWarning(ex, "Content item {Type}/{Id} of site {SiteId} could not be indexed.", item.ContentType, item.ContentItemId, item.TenantId);
            return null;
        }
    }

    /// <summary>The site of an entry; a site made on another node a moment ago may not be in this node's list yet.</summary>
    private async Task<Tenant?> FindSiteAsync(int tenantId, CancellationToken cancellationToken)
    {
        if (catalog.FindById(tenantId) is { } known)
        {
            return known;
        }

        await catalog.ReloadAsync(cancellationToken);
        return catalog.FindById(tenantId);
    }

    private void Commit(DateTime now)
    {
        index.Commit(position, now);
        lastCommitUtc = now;
    }

    private async Task PruneAsync(PortalDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        if (now - lastPruneUtc < TimeSpan.FromHours(1))
        {
            return;
        }

        lastPruneUtc = now;
        await SearchQueueReader.PruneAsync(db, now - TimeSpan.FromDays(Math.Max(1, options.Value.QueueRetentionDays)), cancellationToken);
    }

    public override void Dispose()
    {
        writing.Dispose();
        base.Dispose();
    }
}
