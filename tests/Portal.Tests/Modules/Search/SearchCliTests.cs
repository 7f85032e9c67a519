using Microsoft.Extensions.Configuration;
using Portal.Core;
using Portal.Tests.Infrastructure;
using Portal.Web.Cli;

namespace Portal.Tests.Modules.Search;

/// <summary><c>search rebuild</c> as an operator runs it: progress, a one-line error for a site that does not exist.</summary>
public sealed class SearchCliTests : CliSession
{
    [Fact]
    public async Task Rebuild_indexes_every_published_item_here_and_queues_the_rebuild_for_other_nodes()
    {
        var all = await RunAsync("search", "rebuild");
        var site = await RunAsync("search", "rebuild", "--tenant", "default");
        var missing = await RunAsync("search", "rebuild", "--tenant", "xa-khong-co");
        var unknownOption = await RunAsync("search", "rebuild", "--site", "default");

        Assert.Equal(0, all.Exit);
        Assert.Contains("Queued a rebuild of the whole search index for every node.", all.Out);
        Assert.Matches(@"Indexed \d+ published items in", all.Out);
        Assert.Matches(@"is up to date: [1-9][\d,.]* documents", all.Out);
        Assert.Equal(0, site.Exit);
        Assert.Contains("Queued a rebuild of the search documents of 'default' for every node.", site.Out);
        Assert.Equal(1, missing.Exit);
        Assert.Equal("error: there is no tenant named 'xa-khong-co'.", missing.Error.Trim());
        Assert.Equal(2, unknownOption.Exit);
    }
}
