using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;
using Portal.Web.Cli;

namespace Portal.Tests.Kernel.Caching;

/// <summary>
/// A change made by another process — the CLI rolling a recipe out, another node — reaches a
/// running server's cached pages within seconds, not when they expire ten minutes later: on
/// SQLite through the signal row the change commits with, on PostgreSQL through its NOTIFY.
/// </summary>
public abstract class CrossProcessEvictionTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Server => fixture.Factory;

    [Fact]
    public async Task A_recipe_run_by_the_cli_shows_on_the_running_servers_cached_news_list()
    {
        var citizen = Server.CreateClient();
        await WarmAsync(citizen, "/tin-tuc");
        var recipe = Path.Combine(Server.Database.DataPath, "tin-moi.recipe.json");
        await File.WriteAllTextAsync(recipe, RecipeWithArticle("cli-tin-moi", "Khánh thành cầu Hòa Bình bằng dòng lệnh"));

        var error = new StringWriter();
        var exit = await CliRunner.RunAsync(["recipes", "run", recipe, "--tenant", "default"], new StringWriter(), error,
            builder => builder.Configuration.AddInMemoryCollection(Server.Database.Settings));

        Assert.True(exit == 0, error.ToString());
        Assert.True(await EventuallyContainsAsync(citizen, "/tin-tuc", "Khánh thành cầu Hòa Bình bằng dòng lệnh"),
            "the server kept serving its cached /tin-tuc after the CLI published an article");
    }

    [Fact]
    public async Task An_article_published_by_another_host_shows_on_this_hosts_cached_news_list()
    {
        await using var other = new PortalFactory(Server.Database);
        _ = other.Server;
        var citizen = Server.CreateClient();
        await WarmAsync(citizen, "/tin-tuc");

        // Through the content events alone: no recipe run, no write to the site's row.
        await using (var scope = other.Service<TenantScopeFactory>().CreateScope(other.Service<TenantCatalog>().Default!))
        {
            var importer = scope.ServiceProvider.GetServices<IContentImporter>().Single(i => i.Type == "news");
            var envelope = new ContentEnvelope("news", "nut-khac-tin-moi", "vi", true, Fields("Nút khác đăng tin khai trương chợ đêm"));
            await importer.ImportAsync(envelope, scope.ServiceProvider, ContentActor.System, CancellationToken.None);
        }

        Assert.True(await EventuallyContainsAsync(citizen, "/tin-tuc", "Nút khác đăng tin khai trương chợ đêm"),
            "this host kept serving its cached /tin-tuc after another host published an article");
    }

    [Fact]
    public async Task A_page_cached_while_a_change_is_uncommitted_is_evicted_when_it_commits()
    {
        var site = await Server.ProvisionAsync("xa-cam-ket-" + typeof(TFixture).Name.ToLowerInvariant()[..6]);
        var page = await Server.AddPageAsync(site, "lich-hop", "Lịch họp", "<p>Họp thứ Hai</p>");
        var citizen = Server.CreateClient();
        var address = $"/{site.Prefix}/trang/lich-hop";
        await WarmAsync(citizen, address);

        await using (var scope = Server.Service<TenantScopeFactory>().CreateScope(site))
        {
            var db = scope.ServiceProvider.GetRequiredService<Portal.Core.Persistence.PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var writer = scope.ServiceProvider.GetRequiredService<Portal.Pages.Services.PageWriter>();
            var draft = writer.Draft(new Portal.Pages.Services.PageInput(page.Title, page.Slug, "<p>Họp thứ Tư</p>"));
            await scope.ServiceProvider.GetRequiredService<ContentManager>().UpsertAsync(new ContentUpsert("page", page.Id, draft, true, ContentActor.System));

            // Evicted already, but not committed: a citizen now caches the old page again.
            Assert.Contains("Họp thứ Hai", await citizen.GetStringAsync(address), StringComparison.Ordinal);
            Assert.True((await citizen.GetAsync(address)).Headers.Contains("Age"), "the old page should be cached again before the commit");
            await transaction.CommitAsync();
        }

        Assert.True(await EventuallyContainsAsync(citizen, address, "Họp thứ Tư"), "the page cached before the commit outlived it");
    }

    private static async Task WarmAsync(HttpClient citizen, string path)
    {
        (await citizen.GetAsync(path)).EnsureSuccessStatusCode();
        var cached = await citizen.GetAsync(path);
        Assert.True(cached.Headers.Contains("Age"), $"{path} should come from the output cache");
    }

    /// <summary>Generous: delivery is eventual (a poll each second on SQLite); the cache would otherwise hold the page ten minutes.</summary>
    private static async Task<bool> EventuallyContainsAsync(HttpClient citizen, string path, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if ((await citizen.GetStringAsync(path)).Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static JsonObject Fields(string title) => new()
    {
        ["title"] = title,
        ["summary"] = "Tin thử nghiệm.",
        ["body"] = "<p>Nội dung.</p>",
        ["category"] = "chinh-tri",
        ["author"] = "Minh Anh",
    };

    private static string RecipeWithArticle(string id, string title) => new JsonObject
    {
        ["name"] = "tin-moi",
        ["displayName"] = "Một tin mới",
        ["steps"] = new JsonArray(new JsonObject
        {
            ["name"] = "content",
            ["items"] = new JsonArray(new JsonObject { ["type"] = "news", ["id"] = id, ["published"] = true, ["fields"] = Fields(title) }),
        }),
    }.ToJsonString();
}

public sealed class CrossProcessEvictionTestsSqlite(SqliteFixture fixture) : CrossProcessEvictionTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class CrossProcessEvictionTestsPostgres(PostgresFixture fixture) : CrossProcessEvictionTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
