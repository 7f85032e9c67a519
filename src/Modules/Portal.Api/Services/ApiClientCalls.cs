using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Api.Models;
using Portal.Core.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Api.Services;

/// <summary>
/// Checked on every API call made with a token: the client still exists and still holds every
/// scope of its token (so revoking a client or taking a scope away takes effect at once, not when
/// its self-contained tokens expire), and when it last called, written at most once a minute.
/// </summary>
[CrossTenant("A token issued by a province is used on the communes below it (ApiSiteRule): its client is looked up in the token's own site, named by the token's portal_site claim, never in another.")]
internal sealed class ApiClientCalls(PortalDbContext db, TimeProvider clock)
{
    /// <summary>How stale the recorded last call may get: one write per client and minute, not one per request.</summary>
    public static readonly TimeSpan RecordEvery = TimeSpan.FromMinutes(1);

    public async Task<bool> IsCurrentAsync(int tokenSiteId, string clientId, IEnumerable<string> tokenScopes, CancellationToken cancellationToken)
    {
        var client = await Current.For(db)(db, tokenSiteId, clientId);
        if (client is null)
        {
            return false;
        }

        var granted = ScopesOf(client.Permissions);
        if (!tokenScopes.All(granted.Contains))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (client.LastCalledUtc is not { } last || now - last >= RecordEvery)
        {
            // Conditional, so that concurrent requests (or nodes) write once, not once each.
            var before = now - RecordEvery;
            await Clients(tokenSiteId, clientId)
                .Where(c => c.LastCalledUtc == null || c.LastCalledUtc < before)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastCalledUtc, now), cancellationToken);
        }

        return true;
    }

    /// <summary>Compiled (once per model: tests run both providers in one process): this runs on every API call, and preparing the LINQ query each time showed in its profile.</summary>
    private static readonly CompiledQuery<Func<PortalDbContext, int, string, Task<ClientState?>>> Current = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, int tenantId, string clientId) =>
            db.Set<ApiClient>().IgnoreQueryFilters(new[] { PortalDbContext.TenantFilter })
                .Where(c => c.TenantId == tenantId && c.ClientId == clientId)
                .Select(c => new ClientState(c.Permissions, c.LastCalledUtc))
                .FirstOrDefault()));

    private sealed record ClientState(string? Permissions, DateTime? LastCalledUtc);

    private IQueryable<ApiClient> Clients(int tenantId, string clientId) =>
        db.Set<ApiClient>().IgnoreQueryFilters([PortalDbContext.TenantFilter])
            .Where(c => c.TenantId == tenantId && c.ClientId == clientId);

    /// <summary>The scopes among OpenIddict's permissions (<c>scp:content.read</c> → <c>content.read</c>).</summary>
    public static HashSet<string> ScopesOf(string? permissions)
    {
        if (string.IsNullOrEmpty(permissions))
        {
            return [];
        }

        return ScopesFrom(JsonSerializer.Deserialize<string[]>(permissions) ?? []);
    }

    public static HashSet<string> ScopesFrom(IEnumerable<string> permissions) =>
        permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .ToHashSet(StringComparer.Ordinal);
}
