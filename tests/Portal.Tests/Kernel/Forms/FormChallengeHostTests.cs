using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Forms.Challenge;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Forms;

/// <summary>
/// The challenge as the host registers it: scoped to a site, on the installation's data-protection
/// keys, one memory of used tickets for the process (every request scope sees it).
/// </summary>
public sealed class FormChallengeHostTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task A_ticket_issued_in_one_request_is_accepted_once_in_another_of_the_same_site()
    {
        var site = fixture.Factory.Service<TenantCatalog>().Default!;
        var other = new Tenant { Id = site.Id + 1000, Name = "khac" };
        var ticket = await InSiteAsync(site, c => c.Issue("questions"));
        var nonce = FormChallengeSolver.Solve(ticket);

        Assert.Equal(14, ticket.Difficulty);
        Assert.Equal(FormChallengeResult.Invalid, await InSiteAsync(other, c => c.Verify("questions", ticket.Token, nonce)));
        Assert.Equal(FormChallengeResult.Ok, await InSiteAsync(site, c => c.Verify("questions", ticket.Token, nonce)));
        Assert.Equal(FormChallengeResult.Reused, await InSiteAsync(site, c => c.Verify("questions", ticket.Token, nonce)));
    }

    private async Task<T> InSiteAsync<T>(Tenant site, Func<IFormChallenge, T> work)
    {
        await using var scope = fixture.Factory.Service<TenantScopeFactory>().CreateScope(site);
        return work(scope.ServiceProvider.GetRequiredService<IFormChallenge>());
    }
}
