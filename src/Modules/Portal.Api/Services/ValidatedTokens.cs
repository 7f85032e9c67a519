using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Portal.Api.Services;

/// <summary>
/// Access tokens this process has already validated, until they expire. A token is self-contained
/// (encrypted, then signed: <see cref="ApiKeyRing"/>), so the same bytes validate the same way
/// until their expiry; decrypting and verifying them again on every call was the largest share of
/// an API request's cost (the content API benchmark), with the cipher handles the token library
/// leaves to the finalizer. What may change during a token's life is checked on every call all the
/// same, after this: the site rule and whether the client still holds the token's scopes
/// (<see cref="ApiTokenSiteCheck"/>).
/// </summary>
/// <remarks>
/// Keyed by the token's SHA-256, so the cache holds no bearer credential; bounded, so a flood of
/// distinct valid tokens (each needs a client secret) evicts old entries instead of growing the
/// process. A forged or expired token is never stored: only principals OpenIddict accepted are.
/// </remarks>
internal sealed class ValidatedTokens : IDisposable
{
    public const int Capacity = 20_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly TimeProvider _clock;

    public ValidatedTokens(TimeProvider clock) => _clock = clock;

    public ClaimsPrincipal? Find(string token) =>
        _cache.TryGetValue(Key(token), out Entry? entry) && entry!.ExpiresUtc > _clock.GetUtcNow()
            ? Copy(entry.Principal)
            : null;

    public void Remember(string token, ClaimsPrincipal principal)
    {
        if (principal.GetExpirationDate() is not { } expires || expires <= _clock.GetUtcNow())
        {
            return;
        }

        _cache.Set(Key(token), new Entry(Copy(principal), expires), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expires });
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>A deep copy: the framework's Clone shares the identities, and a request may add claims to its own.</summary>
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(identity => identity.Clone()));

    private static string Key(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ExpiresUtc);
}

/// <summary>
/// Before OpenIddict validates the access token: a token this process validated before is taken
/// from <see cref="ValidatedTokens"/> and OpenIddict's own validation is skipped for it.
/// </summary>
internal sealed class ValidatedTokenLookup(ValidatedTokens tokens) : IOpenIddictValidationHandler<ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseSingletonHandler<ValidatedTokenLookup>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order - 500)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        if (context.ValidateAccessToken && !string.IsNullOrEmpty(context.AccessToken) && tokens.Find(context.AccessToken) is { } principal)
        {
            context.AccessTokenPrincipal = principal;
            context.ValidateAccessToken = false;
            context.Transaction.Properties[FromCache] = true;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Marks a transaction whose principal came from the cache (not stored again).</summary>
    internal const string FromCache = "portal.api.token-from-cache";
}
