using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Persistence;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Tenancy;

/// <summary>
/// A site made before an always-enabled feature existed (the API tokens came after the first
/// sites) gets the feature when the process starts, without losing the ids it had: found when a
/// benchmark's database made by an older build answered 404 on <c>/connect/token</c>.
/// </summary>
public sealed class AlwaysEnabledFeatureTests
{
    [Fact]
    public async Task A_site_without_an_always_enabled_feature_gets_it_at_the_next_start()
    {
        using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var first = new PortalFactory(database))
        {
            await first.ProvisionAsync("xa-cu");
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            foreach (var row in await db.Tenants.ToListAsync())
            {
                // As an older build left them: no API feature, and an id this build does not know.
                row.Features = [.. row.Features.Where(f => f != "Portal.Api"), "Portal.Retired"];
            }

            await db.SaveChangesAsync();
        }

        await using var second = new PortalFactory(database);
        _ = second.Server;
        await using (var scope = second.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var rows = await db.Tenants.AsNoTracking().ToListAsync();
            Assert.Equal(2, rows.Count);
            Assert.All(rows, row => Assert.Contains("Portal.Api", row.Features));
            Assert.All(rows, row => Assert.Contains("Portal.Retired", row.Features));
            Assert.All(rows, row => Assert.Contains("Portal.News", row.Features));
        }

        var client = second.CreateClient();
        foreach (var prefix in new[] { "", "/xa-cu" })
        {
            using var token = await client.PostAsync(prefix + "/connect/token",
                new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", "nobody"), new("client_secret", "x"), new("scope", "content.read")]));
            Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode); // invalid_client, not the 404 of a feature the site lacks
        }
    }
}
