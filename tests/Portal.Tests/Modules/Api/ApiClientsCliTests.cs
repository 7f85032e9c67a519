using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Persistence;
using Portal.Core;
using Portal.Tests.Infrastructure;
using Portal.Web.Cli;
using static Portal.Tests.Modules.Api.ApiHost;

namespace Portal.Tests.Modules.Api;

/// <summary><c>api-clients add|list|remove</c> as an operator uses them, and a token that outlives a restart of the server.</summary>
public sealed class ApiClientsCliTests : CliSession
{
    private const string Secret = "khoa-bi-mat-cua-cli-2026";
    [Fact]
    public async Task Add_list_and_remove_clients_and_refuse_bad_ones_with_one_line()
    {
        var add = await RunAsync("api-clients", "add", "--client-id", "cong-dvc", "--client-secret", Secret, "--scopes", "content.read questions.submit");
        var list = await RunAsync("api-clients", "list");
        var emptyElsewhere = await RunAsync("tenants", "provision", "--name", "xa-cli-api", "--display-name", "Xã CLI", "--level", "Commune", "--parent", "default", "--recipe", "commune");
        var commune = await RunAsync("api-clients", "add", "--client-id", "cong-dvc", "--client-secret", Secret, "--scopes", "content.read", "--tenant", "xa-cli-api");
        var communeList = await RunAsync("api-clients", "list", "--tenant", "xa-cli-api");
        var failures = new[]
        {
            await RunAsync("api-clients", "add", "--client-id", "cong-dvc", "--client-secret", Secret, "--scopes", "content.read"),
            await RunAsync("api-clients", "add", "--client-id", "moi", "--client-secret", Secret, "--scopes", "content.read content.delete"),
            await RunAsync("api-clients", "add", "--client-id", "ngan", "--client-secret", "ngan-qua", "--scopes", "content.read"),
            await RunAsync("api-clients", "add", "--client-id", "khong-site", "--client-secret", Secret, "--scopes", "content.read", "--tenant", "xa-khong-co"),
            await RunAsync("api-clients", "add", "--client-id", "khong-scope", "--client-secret", Secret, "--scopes", ""),
            await RunAsync("api-clients", "add", "--client-id", "bad id!", "--client-secret", Secret, "--scopes", "content.read"),
            await RunAsync("api-clients", "remove", "khong-co"),
        };
        var usage = await RunAsync("api-clients", "add", "--client-id", "x");
        var removeUsage = await RunAsync("api-clients", "remove");
        var remove = await RunAsync("api-clients", "remove", "cong-dvc");
        var afterRemove = await RunAsync("api-clients", "list");

        Assert.Equal(0, add.Exit);
        Assert.Contains("Added API client 'cong-dvc' of 'default' with scopes: content.read questions.submit", add.Out);
        Assert.Equal(0, list.Exit);
        Assert.Contains("cong-dvc", list.Out);
        Assert.Contains("never", list.Out);
        Assert.DoesNotContain(Secret, list.Out);
        Assert.Equal(0, emptyElsewhere.Exit);
        Assert.Equal(0, commune.Exit);
        Assert.Contains("/xa-cli-api/connect/token", commune.Out);
        Assert.Contains("cong-dvc", communeList.Out);
        string[] reasons = ["already exists", "unknown scope 'content.delete'", "at least 16 characters", "no tenant named 'xa-khong-co'", "at least one scope", "3–64 characters", "no API client 'khong-co'"];
        for (var i = 0; i < failures.Length; i++)
        {
            Assert.Equal(1, failures[i].Exit);
            Assert.Contains(reasons[i], failures[i].Error);
            Assert.Single(failures[i].Error.Trim().Split('\n'));
        }

        Assert.Equal(2, usage.Exit);
        Assert.Contains("needs --client-secret", usage.Error);
        Assert.Equal(2, removeUsage.Exit);
        Assert.Equal(0, remove.Exit);
        Assert.Contains("No API client on 'default'", afterRemove.Out);
    }

    [Fact]
    public async Task A_token_survives_a_restart_of_the_server_and_the_secret_is_stored_hashed()
    {
        var add = await RunAsync("api-clients", "add", "--client-id", "khoi-dong-lai", "--client-secret", Secret, "--scopes", "content.read");
        string token;
        await using (var first = new PortalFactory(Database, services => AddTestServices(services, new ShiftableClock())))
        {
            token = await TokenAsync(first.CreateClient(), "", "khoi-dong-lai", Secret, "content.read");
        }

        await using var second = new PortalFactory(Database, services => AddTestServices(services, new ShiftableClock()));
        var response = await GetWithTokenAsync(second.CreateClient(), "/api/test-probe", token);
        await using var scope = second.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database
            .SqlQueryRaw<string>("SELECT \"ClientSecret\" AS \"Value\" FROM \"ApiClients\"").ToListAsync();

        Assert.Equal(0, add.Exit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(stored);
        Assert.DoesNotContain(Secret, stored[0]);
    }
}
