using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Search;
using Portal.Core.Tenancy;
using Portal.LegalDocuments.Models;
using Portal.News.Models;
using Portal.Procedures.Models;
using Portal.Search.Services;

namespace SearchBench;

/// <summary>
/// A second node: its own index folder (a copy of node A's build, at the same queue position), then changes made through the lifecycle
/// (<see cref="ContentManager.UpsertAsync"/> in each site's scope: four edits of a published item
/// for one take-down), while node A's indexer runs as the background service it is; then how long
/// node A took to show the last change in search, and how long node B takes to catch up.
/// </summary>
[CrossTenant("benchmark: picks items of every site to change, reads the queue's rows as the indexer does")]
internal static class CatchUp
{
    public static async Task RunAsync(IServiceProvider services, SearchIndexer indexerA, string pathB, int changes, Action<string, string> report)
    {
        var catalog = services.GetRequiredService<TenantCatalog>();
        var scopes = services.GetRequiredService<TenantScopeFactory>();

        // Node B: another folder (a copy of node A's build), another indexer over the same database.
        using var indexB = new SearchIndex(pathB);
        var indexerB = ActivatorUtilities.CreateInstance<SearchIndexer>(services, indexB);
        var watch = Stopwatch.StartNew();
        await indexerB.OpenAsync(null, CancellationToken.None);
        report("node_b_open_seconds", watch.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
        var positionB = indexerB.Position;

        // Node A as the background service it is in the server (polls the queue every 250 ms by default).
        await indexerA.StartAsync(CancellationToken.None);

        // The items to change: random published items over all sites.
        List<(int TenantId, string Type, string Id)> picks;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var all = await db.Set<ContentItem>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
                .Where(c => c.Published && c.Latest && !c.Deleted)
                .Select(c => new { c.TenantId, c.ContentType, c.ContentItemId }).ToListAsync();
            var random = new Random(1000);
            picks = [.. all.OrderBy(_ => random.Next()).Take(changes).Select(c => (c.TenantId, c.ContentType, c.ContentItemId))];
        }

        var marker = "bench" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture) + "x";
        var edits = 0;
        var takeDowns = 0;
        var perChange = new List<double>(changes);
        watch.Restart();
        for (var i = 0; i < picks.Count; i++)
        {
            var (tenantId, type, id) = picks[i];
            var t = Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateScope(catalog.FindById(tenantId)!);
            var contents = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var item = (await contents.LatestAsync(type, id))!;
            var takeDown = i % 5 == 4 && i != picks.Count - 1;
            var title = takeDown ? item.Title : item.Title + (i == picks.Count - 1 ? " " + marker : " (cập nhật " + (i + 1).ToString(CultureInfo.InvariantCulture) + ")");
            var draft = new ContentDraft(title, item.Slug, takeDown ? item.Data : Edit(type, item.Data, i), item.Culture) { Category = item.Category };
            var result = await contents.UpsertAsync(new ContentUpsert(type, id, draft, Published: !takeDown, ContentActor.System));
            if (result.Outcome != UpsertOutcome.Updated)
            {
                throw new InvalidOperationException($"change {i} of {type}/{id}: {result.Outcome} {result.Reason}");
            }

            edits += takeDown ? 0 : 1;
            takeDowns += takeDown ? 1 : 0;
            perChange.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        var committed = Stopwatch.GetTimestamp();
        report("changes", $"{edits} edits of published items, {takeDowns} take-downs, over {picks.Select(p => p.TenantId).Distinct().Count()} sites");
        report("changes_seconds", watch.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
        report("change_ms", Bench.Percentiles(perChange, out _, out _));

        // The last change, in node A's search: polled every ~2 ms in its site's scope.
        var (lastSite, _, _) = picks[^1];
        double? visibleMs = null;
        while (Stopwatch.GetElapsedTime(committed).TotalSeconds < 30)
        {
            await using var scope = scopes.CreateScope(catalog.FindById(lastSite)!);
            var found = await scope.ServiceProvider.GetRequiredService<SiteSearch>().SearchAsync(new SearchRequest(marker), CancellationToken.None);
            if (found.Total > 0)
            {
                visibleMs = Stopwatch.GetElapsedTime(committed).TotalMilliseconds;
                break;
            }

            await Task.Delay(2);
        }

        report("node_a_last_change_visible_ms", visibleMs?.ToString("0.0", CultureInfo.InvariantCulture) ?? "not within 30 s");
        long head;
        await using (var scope = services.CreateAsyncScope())
        {
            head = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<SearchQueueEntry>().MaxAsync(e => e.Id);
        }

        while (indexerA.Position < head && Stopwatch.GetElapsedTime(committed).TotalSeconds < 60)
        {
            await Task.Delay(2);
        }

        report("node_a_all_applied_ms", Stopwatch.GetElapsedTime(committed).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
        await indexerA.StopAsync(CancellationToken.None);
        report("queue_entries_behind_node_b", (head - positionB).ToString(CultureInfo.InvariantCulture));

        // Baseline: the database side of catching up alone (the entries, then each site's published rows by id).
        watch.Restart();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var entries = await db.Set<SearchQueueEntry>().AsNoTracking().Where(e => e.Id > positionB).OrderBy(e => e.Id).ToListAsync();
            var rows = 0;
            foreach (var site in entries.GroupBy(e => e.TenantId))
            {
                var ids = site.Select(e => e.ContentItemId).Distinct().ToList();
                rows += (await db.Set<ContentItem>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
                    .Where(c => c.TenantId == site.Key && ids.Contains(c.ContentItemId) && c.Published && !c.Deleted).ToListAsync()).Count;
            }

            report("catchup_baseline_db_reads_seconds", $"{watch.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} ({entries.Count} entries, {entries.Select(e => e.TenantId).Distinct().Count()} site queries, {rows} published rows)");
        }

        // Node B catches up.
        watch.Restart();
        var rounds = 0;
        while (indexerB.Position < head && watch.Elapsed.TotalSeconds < 300)
        {
            await indexerB.CatchUpAsync(null, CancellationToken.None);
            rounds++;
        }

        var catchUp = watch.Elapsed.TotalSeconds;
        report("node_b_catchup_seconds", catchUp.ToString("0.000", CultureInfo.InvariantCulture));
        report("node_b_catchup_entries_per_s", ((head - positionB) / catchUp).ToString("0", CultureInfo.InvariantCulture));
        report("node_b_catchup_rounds", rounds.ToString(CultureInfo.InvariantCulture));
        report("node_b_docs_after", indexB.DocumentCount.ToString(CultureInfo.InvariantCulture));
        indexB.Dispose();
        Directory.Delete(pathB, recursive: true);
    }

    private static string Edit(string type, string data, int i)
    {
        var added = "Nội dung được cập nhật lần " + (i + 1).ToString(CultureInfo.InvariantCulture) + " theo chỉ đạo của ủy ban nhân dân.";
        switch (type)
        {
            case "news":
                var news = ContentFields.Read<NewsArticleFields>(data);
                news.Body += $"<p>{added}</p>";
                return ContentFields.Write(news);
            case "legal-document":
                var doc = ContentFields.Read<LegalDocumentFields>(data);
                doc.Summary += " " + added;
                return ContentFields.Write(doc);
            default:
                var procedure = ContentFields.Read<ProcedureFields>(data);
                procedure.Result += " " + added;
                return ContentFields.Write(procedure);
        }
    }
}
