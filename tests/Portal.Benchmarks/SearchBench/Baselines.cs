using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Search;
using Portal.Core.Tenancy;
using Portal.Search.Services;

namespace SearchBench;

/// <summary>
/// Baselines of the build, on the same rows (all for the scan, the first <c>sample</c> for the rest, as rates): the scan alone (the indexer's query, pages of 1,000 by
/// id), the scan plus the portal's documents built and thrown away (sources' Describe and
/// SearchDocuments.Build), and a plain Lucene build (StandardAnalyzer, the described title and body
/// as two fields, same RAM buffer, same parallelism) into a folder of its own.
/// </summary>
[CrossTenant("benchmark: reads every site's published items, as the indexer does")]
internal static class Baselines
{
    public static async Task BuildAsync(IServiceProvider services, string data, int sample, Action<string, string> report)
    {
        var catalog = services.GetRequiredService<TenantCatalog>();
        var sources = services.GetRequiredService<IEnumerable<ISearchSource>>().ToDictionary(s => s.ContentType);
        var definitions = services.GetRequiredService<IEnumerable<ContentTypeDefinition>>().GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.First());

        var scanned = 0;
        var scan = await ScanAsync(services, sources.Keys.ToList(), int.MaxValue, page => scanned += page.Count);
        report("build_baseline_scan_seconds", scan.ToString("0.000", CultureInfo.InvariantCulture));
        report("build_baseline_scan_docs_per_s", (scanned / scan).ToString("0", CultureInfo.InvariantCulture));
        report("build_baseline_sample", sample.ToString(CultureInfo.InvariantCulture));

        var built = 0;
        var documents = await ScanAsync(services, sources.Keys.ToList(), sample, page => Parallel.ForEach(page, item =>
        {
            var site = catalog.FindById(item.TenantId)!;
            if (SearchDocuments.Build(item, sources[item.ContentType], definitions.GetValueOrDefault(item.ContentType), site, catalog.Ancestors(site)) is not null)
            {
                Interlocked.Increment(ref built);
            }
        }));
        report("build_baseline_scan_documents_docs_per_s", (built / documents).ToString("0", CultureInfo.InvariantCulture));

        var path = Path.Combine(data, "baseline-index");
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }

        var plain = 0;
        double seconds;
        using (var dir = FSDirectory.Open(path))
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48)) { RAMBufferSizeMB = 32 }))
        {
            var watch = Stopwatch.StartNew();
            await ScanAsync(services, sources.Keys.ToList(), sample, page => Parallel.ForEach(page, item =>
            {
                if (sources[item.ContentType].Describe(item) is { } described)
                {
                    writer.AddDocument(new Document
                    {
                        new StringField("key", item.TenantId + ":" + item.ContentItemId, Field.Store.YES),
                        new TextField("title", described.Title, Field.Store.YES),
                        new TextField("body", described.Body, Field.Store.NO),
                    });
                    Interlocked.Increment(ref plain);
                }
            }));
            writer.Commit();
            seconds = watch.Elapsed.TotalSeconds;
        }

        report("build_baseline_plain_lucene_docs_per_s", (plain / seconds).ToString("0", CultureInfo.InvariantCulture));
        report("build_baseline_plain_lucene_index_mib", (Bench.DirectorySize(path) / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture));
        System.IO.Directory.Delete(path, recursive: true);
    }

    /// <summary>The indexer's scan: published items of the searched types, 1,000 at a time by id; returns seconds.</summary>
    private static async Task<double> ScanAsync(IServiceProvider services, List<string> types, int max, Action<List<ContentItem>> each)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var lastId = 0;
        var read = 0;
        while (read < max)
        {
            var page = await db.Set<ContentItem>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
                .Where(c => c.Id > lastId && c.Published && !c.Deleted && types.Contains(c.ContentType))
                .OrderBy(c => c.Id).Take(1000).ToListAsync();
            if (page.Count == 0)
            {
                return watch.Elapsed.TotalSeconds;
            }

            lastId = page[^1].Id;
            read += page.Count;
            each(page);
        }

        return watch.Elapsed.TotalSeconds;
    }
}
