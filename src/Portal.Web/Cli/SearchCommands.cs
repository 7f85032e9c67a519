using Portal.Core.Search;
using Portal.Core.Tenancy;
using Portal.Search.Services;

namespace Portal.Web.Cli;

/// <summary>
/// <c>search rebuild [--tenant T]</c> (docs/contracts.md): queues a rebuild for every node — the
/// whole index, or one site's documents — in the search queue, so every node's index does it, and
/// then applies it here at once when no server on this machine holds this node's index.
/// </summary>
internal static class SearchCommands
{
    public static async Task<int> RebuildAsync(IServiceProvider services, CliArguments arguments, TextWriter output)
    {
        var name = arguments.Option("tenant");
        var catalog = services.GetRequiredService<TenantCatalog>();
        Tenant? site = null;
        if (name is not null)
        {
            site = catalog.FindByName(name) ?? throw new InvalidOperationException($"there is no tenant named '{name}'.");
        }

        var scopes = services.GetRequiredService<TenantScopeFactory>();
        await using (var scope = scopes.CreateScope(site ?? catalog.Default ?? throw new InvalidOperationException("the portal has no default site yet.")))
        {
            var queue = scope.ServiceProvider.GetRequiredService<SearchQueue>();
            if (site is null)
            {
                await queue.RebuildAllAsync(CancellationToken.None);
            }
            else
            {
                await queue.ReindexSiteAsync(site.Id, CancellationToken.None);
            }
        }

        var what = site is null ? "the whole search index" : $"the search documents of '{site.Name}'";
        await output.WriteLineAsync($"Queued a rebuild of {what} for every node.");
        var indexer = services.GetRequiredService<SearchIndexer>();
        var index = services.GetRequiredService<SearchIndex>();
        var progress = new LineProgress(output);
        if (!await indexer.OpenAsync(progress, CancellationToken.None))
        {
            await output.WriteLineAsync($"The server running on this machine holds the index at {index.Path}: it rebuilds within a second (see its log), and so does every other node.");
            return 0;
        }

        await indexer.CatchUpAsync(progress, CancellationToken.None);
        await output.WriteLineAsync($"This node's index at {index.Path} is up to date: {index.DocumentCount:N0} documents. Other nodes rebuild when their server next reads the queue.");
        index.Dispose();
        return 0;
    }

    /// <summary>Writes each report as it comes (System.Progress would post them to the thread pool, out of order).</summary>
    private sealed class LineProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }
}
