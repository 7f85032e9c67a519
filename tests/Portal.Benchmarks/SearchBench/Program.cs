using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Hosting;
using Portal.Core.Persistence;
using Portal.Core.Search;
using Portal.Core.Tenancy;
using Portal.LegalDocuments.Models;
using Portal.News.Models;
using Portal.Procedures.Models;
using Portal.Search.Services;
using Directory = System.IO.Directory;

namespace SearchBench;

/// <summary>
/// tests/bench/search.sh's in-process part. Usage:
///   SearchBench --data DIR --out FILE [--docs 100000] [--districts 10] [--communes 990] [--changes 1000] [--queries 2000]
///               [--provision-seconds 60] [--generate-only] [--keep-index] [--baseline-docs 20000]
///               [--scopes site,all,province_only]
/// DIR is the portal's data path (portal.db, search-index); a DIR that already holds the generated
/// data (its marker file) is used as it is. Writes "key value" lines to FILE and the page paths for
/// wrk beside it (paths-site.txt, paths-all.txt).
/// </summary>
[CrossTenant("benchmark: counts every site's items")]
internal static class Bench
{
    private static readonly Dictionary<string, string> Results = [];
    private static readonly List<string> Order = [];

    private static void Report(string key, string value)
    {
        if (!Results.ContainsKey(key))
        {
            Order.Add(key);
        }

        Results[key] = value;
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {key} = {value}");
    }

    private static string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public static async Task<int> Main(string[] args)
    {
        var data = Path.GetFullPath(Arg(args, "--data", Path.Combine(Path.GetTempPath(), "search-bench")));
        var outFile = Path.GetFullPath(Arg(args, "--out", Path.Combine(data, "..", "search-bench.txt")));
        var docs = int.Parse(Arg(args, "--docs", "100000"), CultureInfo.InvariantCulture);
        var districts = int.Parse(Arg(args, "--districts", "10"), CultureInfo.InvariantCulture);
        var communes = int.Parse(Arg(args, "--communes", "990"), CultureInfo.InvariantCulture);
        var changes = int.Parse(Arg(args, "--changes", "1000"), CultureInfo.InvariantCulture);
        var queries = int.Parse(Arg(args, "--queries", "2000"), CultureInfo.InvariantCulture);
        var provisionBudget = double.Parse(Arg(args, "--provision-seconds", "60"), CultureInfo.InvariantCulture);
        Directory.CreateDirectory(data);

        var settings = new Dictionary<string, string?>
        {
            ["Portal:DataPath"] = data,
            ["Portal:AutoSetup:Demo"] = "false",
            ["Portal:Admin:UserName"] = "admin",
            ["Portal:Admin:Password"] = "Bench-Passw0rd!",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Portal.Search"] = "Information",
        };

        // PortalHost is internal to Portal.Web (visible to Portal.Tests only): the real composition root, by reflection.
        var hostType = Type.GetType("Portal.Web.PortalHost, Portal.Web", throwOnError: true)!;
        var build = hostType.GetMethod("Build", BindingFlags.Public | BindingFlags.Static)!;
        Action<WebApplicationBuilder> configure = b => b.Configuration.AddInMemoryCollection(settings);
        await using var app = (WebApplication)build.Invoke(null, [new[] { "--contentRoot", AppContext.BaseDirectory }, configure])!;
        var services = app.Services;
        var watch = Stopwatch.StartNew();
        await services.GetRequiredService<PortalInitializer>().InitializeAsync();
        Report("init_seconds", F(watch.Elapsed.TotalSeconds));

        var catalog = services.GetRequiredService<TenantCatalog>();
        var marker = Path.Combine(data, "search-bench.generated");
        if (!File.Exists(marker))
        {
            await Generate.SitesAsync(services, districts, communes, provisionBudget, Report);
            await Generate.ContentAsync(services, docs, Report);
            await File.WriteAllTextAsync(marker, DateTime.UtcNow.ToString("O"));
        }
        else
        {
            Report("generated", "reused " + data);
        }

        if (args.Contains("--generate-only"))
        {
            await File.WriteAllLinesAsync(outFile, Order.Select(k => $"{k} {Results[k]}"));
            return 0;
        }

        await catalog.ReloadAsync();
        var province = catalog.Default!;
        var sitesBelow = catalog.Descendants(province).ToList();
        Report("sites_below_province", sitesBelow.Count.ToString(CultureInfo.InvariantCulture));
        Report("published_items", (await CountPublishedAsync(services)).ToString(CultureInfo.InvariantCulture));

        // ---------------------------------------------------------------------------------------------
        // 2. Build from empty: node A's index (the one the server will open afterwards).
        var indexA = services.GetRequiredService<SearchIndex>();
        var keepIndex = args.Contains("--keep-index") && Directory.Exists(indexA.Path);
        if (Directory.Exists(indexA.Path) && !keepIndex)
        {
            Directory.Delete(indexA.Path, recursive: true);
        }

        var indexerA = services.GetRequiredService<SearchIndexer>();
        GC.Collect();
        watch.Restart();
        if (!await indexerA.OpenAsync(null, CancellationToken.None))
        {
            throw new InvalidOperationException("node A's index is held by another process");
        }

        var buildSeconds = watch.Elapsed.TotalSeconds;
        var indexed = indexA.DocumentCount;
        Report("build_docs", indexed.ToString(CultureInfo.InvariantCulture));
        Report("index_mib", F(DirectorySize(indexA.Path) / 1048576.0, "0.0"));
        if (keepIndex)
        {
            // --keep-index: an index built by an earlier run on the same data is opened, not rebuilt (no build figures).
            Report("build_seconds", $"n/a (kept index opened in {F(buildSeconds, "0.000")} s)");
        }
        else
        {
            Report("build_seconds", F(buildSeconds, "0.000"));
            Report("build_docs_per_s", F(indexed / buildSeconds, "0"));
            await Baselines.BuildAsync(services, data, int.Parse(Arg(args, "--baseline-docs", "20000"), CultureInfo.InvariantCulture), Report);
        }

        // Node B starts from a copy of this build (the same documents at the same queue position):
        // closing the writer first lets its merges finish, so the copy is a whole commit.
        indexA.Dispose();
        var pathB = Path.Combine(data, "search-index-b");
        if (Directory.Exists(pathB))
        {
            Directory.Delete(pathB, recursive: true);
        }

        Directory.CreateDirectory(pathB);
        foreach (var file in Directory.EnumerateFiles(indexA.Path))
        {
            File.Copy(file, Path.Combine(pathB, Path.GetFileName(file)));
        }

        if (!indexA.TryOpen())
        {
            throw new InvalidOperationException("node A's index could not be opened again");
        }

        // ---------------------------------------------------------------------------------------------
        // 3. Queries in-process, with Lucene baselines on the same searcher.
        var commune = sitesBelow.Where(t => t.Level == TenantLevel.Commune).OrderBy(t => t.Id).Skip(sitesBelow.Count / 3).First();
        Report("query_site", $"{commune.Name} (/{commune.Prefix})");
        var scopesToRun = Arg(args, "--scopes", "site,all,province_only").Split(',');
        if (scopesToRun.Contains("site"))
        {
            await Queries.RunAsync(services, indexA, commune, allSites: false, queries, "site", Report);
        }

        if (scopesToRun.Contains("all"))
        {
            await Queries.RunAsync(services, indexA, province, allSites: true, queries, "all", Report);
        }

        if (scopesToRun.Contains("province_only"))
        {
            await Queries.RunAsync(services, indexA, province, allSites: false, queries, "province_only", Report);
        }

        Queries.FilterCost(services, province, Report);

        // The page paths for wrk: the ~50 queries on 20 communes, and province-wide.
        var dir = Path.GetDirectoryName(outFile)!;
        var someCommunes = sitesBelow.Where(t => t.Level == TenantLevel.Commune).Where((_, i) => i % 49 == 0).Take(20).ToList();
        await File.WriteAllLinesAsync(Path.Combine(dir, "paths-site.txt"),
            someCommunes.SelectMany(c => Corpus.Queries.Select(q => $"/{c.Prefix}/tim-kiem?q={Uri.EscapeDataString(q)}")));
        await File.WriteAllLinesAsync(Path.Combine(dir, "paths-all.txt"), Corpus.Queries.Select(q => $"/tim-kiem?q={Uri.EscapeDataString(q)}&scope=all"));

        // ---------------------------------------------------------------------------------------------
        // 4. A second node (its own folder, from the copy), then 1,000 changes, then its catch-up.
        if (changes > 0)
        {
            await CatchUp.RunAsync(services, indexerA, pathB, changes, Report);
        }

        await File.WriteAllLinesAsync(outFile, Order.Select(k => $"{k} {Results[k]}"));
        indexA.Dispose();
        return 0;
    }

    private static async Task<int> CountPublishedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Set<ContentItem>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).CountAsync(c => c.Published && !c.Deleted);
    }

    public static long DirectorySize(string path) => new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    public static string Percentiles(List<double> ms, out double p50, out double p95)
    {
        ms.Sort();
        double At(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p / 100 * ms.Count) - 1)];
        p50 = At(50);
        p95 = At(95);
        return $"p50={F(p50, "0.000")} p95={F(p95, "0.000")} p99={F(At(99), "0.000")} max={F(ms[^1], "0.000")} mean={F(ms.Average(), "0.000")} n={ms.Count}";
    }
}
