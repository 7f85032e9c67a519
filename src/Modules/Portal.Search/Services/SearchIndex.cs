using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Portal.Core.Search;
using Directory = Lucene.Net.Store.Directory;

namespace Portal.Search.Services;

/// <summary>
/// This node's Lucene index of the whole installation, on local disk (one folder, not one per site):
/// one writer, near-real-time searchers, and the queue position it has applied, kept in the index's
/// own commit data so the documents and the position can never disagree after a crash.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>Raised when the documents change: a document's layout or an analyzer changed → every node rebuilds.</summary>
    public const string Schema = "3";

    private const string PositionKey = "queue";
    private const string PositionTimeKey = "queue-utc";
    private const string SchemaKey = "schema";

    private readonly object gate = new();
    private Directory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;

    public SearchIndex(string path) => Path = path;

    public string Path { get; }

    public bool IsOpen => writer is not null;

    /// <summary>The queue position of the last commit (null: never committed, or by another schema).</summary>
    public long? Position { get; private set; }

    /// <summary>When the last commit's position was read from the queue.</summary>
    public DateTime? PositionUtc { get; private set; }

    /// <summary>Opens (or creates) the index; false when another process holds it (a second server on the same folder).</summary>
    public bool TryOpen()
    {
        lock (gate)
        {
            if (writer is not null)
            {
                return true;
            }

            System.IO.Directory.CreateDirectory(Path);
            var dir = FSDirectory.Open(Path);
            try
            {
                var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, SearchAnalyzers.For("vi"))
                {
                    OpenMode = OpenMode.CREATE_OR_APPEND,
                    RAMBufferSizeMB = 32,
                };
                writer = new IndexWriter(dir, config);
            }
            catch (LockObtainFailedException)
            {
                dir.Dispose();
                return false;
            }

            directory = dir;
            searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
            var data = writer.CommitData;
            if (data is not null && data.TryGetValue(SchemaKey, out var schema) && schema == Schema
                && data.TryGetValue(PositionKey, out var position) && long.TryParse(position, CultureInfo.InvariantCulture, out var value))
            {
                Position = value;
                PositionUtc = data.TryGetValue(PositionTimeKey, out var at) && DateTime.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc) ? utc : null;
            }

            return true;
        }
    }

    internal IndexWriter Writer => writer ?? throw new InvalidOperationException("The search index is not open.");

    /// <summary>Makes what was written durable together with the queue position it reflects, then visible to searches.</summary>
    internal void Commit(long position, DateTime positionUtc)
    {
        var w = Writer;
        w.SetCommitData(new Dictionary<string, string>
        {
            [SchemaKey] = Schema,
            [PositionKey] = position.ToString(CultureInfo.InvariantCulture),
            [PositionTimeKey] = positionUtc.ToString("O", CultureInfo.InvariantCulture),
        });
        w.Commit();
        Position = position;
        PositionUtc = positionUtc;
        searchers!.MaybeRefreshBlocking();
    }

    /// <summary>Runs a search on the newest committed documents (null when the index is not open yet).</summary>
    public T? Search<T>(Func<IndexSearcher, T> search)
        where T : class
    {
        var manager = searchers;
        if (manager is null)
        {
            return null;
        }

        var searcher = manager.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    /// <summary>Documents in the index (what the CLI and the log report).</summary>
    public int DocumentCount => Search(s => (object)s.IndexReader.NumDocs) is int n ? n : 0;

    public void Dispose()
    {
        lock (gate)
        {
            searchers?.Dispose();
            writer?.Dispose();
            directory?.Dispose();
            writer = null;
            searchers = null;
            directory = null;
        }
    }
}
