using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Portal.Api.Models;
using Portal.Core.Api;
using Portal.Core.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Api.Services;

/// <summary>One API client as the admin page and the CLI show it (never its secret).</summary>
public sealed record ApiClientSummary(string ClientId, string DisplayName, IReadOnlyList<string> Scopes, DateTime CreatedUtc, DateTime? LastCalledUtc);

/// <summary>A refused change, with the field it concerns (for the message beside it) and a one-line reason.</summary>
public sealed class ApiClientException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// The API clients of the current site (the scope's tenant): create, list, rotate the secret,
/// change the scopes, revoke. Secrets go through OpenIddict, which stores only their hash.
/// Used by the admin page and the CLI (<c>api-clients</c>), in the site's scope.
/// </summary>
public sealed partial class ApiClientAdministration(IOpenIddictApplicationManager manager, PortalDbContext db, TimeProvider clock)
{
    public const int MinimumSecretLength = 16;
    private const int MaximumSecretLength = 200;

    /// <summary>A secret for a client, shown once: 32 random bytes, URL-safe base64 (43 characters).</summary>
    public static string GenerateSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Scopes from a space- or comma-separated list; an unknown one is refused by name.</summary>
    public static IReadOnlyList<string> ParseScopes(string? text)
    {
        var scopes = (text ?? "").Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        return CheckScopes(scopes);
    }

    private static IReadOnlyList<string> CheckScopes(IReadOnlyCollection<string> scopes)
    {
        if (scopes.FirstOrDefault(s => !ApiScopes.IsKnown(s)) is { } unknown)
        {
            throw new ApiClientException("Scopes", $"unknown scope '{unknown}' (known: {string.Join(", ", ApiScopes.All)}).");
        }

        if (scopes.Count == 0)
        {
            throw new ApiClientException("Scopes", $"give the client at least one scope ({string.Join(", ", ApiScopes.All)}).");
        }

        return ApiScopes.All.Where(scopes.Contains).ToList();
    }

    public async Task<ApiClientSummary> CreateAsync(string? clientId, string? secret, IReadOnlyCollection<string> scopes, string? displayName, CancellationToken cancellationToken = default)
    {
        clientId = clientId?.Trim() ?? "";
        if (!ClientIdPattern().IsMatch(clientId))
        {
            throw new ApiClientException("ClientId", "the client id must be 3–64 characters: letters, digits, '.', '_' or '-'.");
        }

        CheckSecret(secret);
        var granted = CheckScopes(scopes);
        if (await manager.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            throw new ApiClientException("ClientId", $"a client '{clientId}' already exists on this site.");
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Confidential,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? clientId : displayName.Trim(),
        };
        SetPermissions(descriptor, granted);

        var client = new ApiClient { CreatedUtc = clock.GetUtcNow().UtcDateTime };
        await manager.PopulateAsync(client, descriptor, cancellationToken);
        await manager.CreateAsync(client, secret, cancellationToken);
        return Summary(client);
    }

    public async Task<(IReadOnlyList<ApiClientSummary> Clients, int Total)> ListAsync(int page = 1, int pageSize = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var query = db.Set<ApiClient>().AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(c => c.ClientId).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (rows.Select(Summary).ToList(), total);
    }

    public async Task<ApiClientSummary?> FindAsync(string clientId, CancellationToken cancellationToken = default) =>
        await manager.FindByClientIdAsync(clientId, cancellationToken) is ApiClient client ? Summary(client) : null;

    /// <summary>A new secret (returned once); the old one stops working at once. Tokens already issued stay valid until they expire.</summary>
    public async Task<string> RotateSecretAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var client = await RequireAsync(clientId, cancellationToken);
        var secret = GenerateSecret();
        await manager.UpdateAsync(client, secret, cancellationToken);
        return secret;
    }

    /// <summary>Replaces the client's scopes; tokens holding a scope taken away stop working at once (<see cref="ApiClientCalls"/>).</summary>
    public async Task SetScopesAsync(string clientId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken = default)
    {
        var client = await RequireAsync(clientId, cancellationToken);
        var granted = CheckScopes(scopes);
        var descriptor = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(descriptor, client, cancellationToken);
        SetPermissions(descriptor, granted);
        await manager.UpdateAsync(client, descriptor, cancellationToken);
    }

    /// <summary>Deletes the client; its tokens stop working at once.</summary>
    public async Task<bool> RemoveAsync(string clientId, CancellationToken cancellationToken = default)
    {
        if (await manager.FindByClientIdAsync(clientId, cancellationToken) is not { } client)
        {
            return false;
        }

        await manager.DeleteAsync(client, cancellationToken);
        return true;
    }

    private async Task<object> RequireAsync(string clientId, CancellationToken cancellationToken) =>
        await manager.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new ApiClientException("ClientId", $"there is no client '{clientId}' on this site.");

    private static void CheckSecret(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumSecretLength)
        {
            throw new ApiClientException("ClientSecret", $"the client secret must be at least {MinimumSecretLength} characters.");
        }

        if (secret.Length > MaximumSecretLength || secret.Any(char.IsControl))
        {
            throw new ApiClientException("ClientSecret", $"the client secret must be at most {MaximumSecretLength} printable characters.");
        }
    }

    /// <summary>The token endpoint, the client-credentials grant, and one permission per granted scope: nothing else.</summary>
    private static void SetPermissions(OpenIddictApplicationDescriptor descriptor, IEnumerable<string> scopes)
    {
        descriptor.Permissions.Clear();
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
    }

    private static ApiClientSummary Summary(ApiClient client) => new(
        client.ClientId ?? "",
        client.DisplayName ?? client.ClientId ?? "",
        ApiScopes.All.Where(ApiClientCalls.ScopesOf(client.Permissions).Contains).ToList(),
        client.CreatedUtc,
        client.LastCalledUtc);

    [GeneratedRegex("^[A-Za-z0-9._-]{3,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdPattern();
}
