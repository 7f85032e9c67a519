using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Portal.Api.Models;
using Portal.Core.Persistence;

namespace Portal.Api.Services;

/// <summary>
/// The token keys of the installation, kept in the database (<c>ApiKeys</c>) so that a token
/// survives a restart and validates on every node. The first process that needs a key creates it;
/// a second process racing it loses the insert (primary key) and reads the winner's key.
/// </summary>
/// <remarks>
/// The keys are as sensitive as the data-protection keys beside them in the same database (which
/// sign the admin cookies): whoever reads the database can already sign in, so they are stored the
/// same way, not wrapped again. Rotation is a manual operation: delete the rows and restart every
/// node (outstanding tokens, at most <c>Portal:Api:TokenLifetimeMinutes</c> old, then fail).
/// </remarks>
internal sealed class ApiKeyRing(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<(RsaSecurityKey Signing, SymmetricSecurityKey Encryption)> LoadAsync(CancellationToken cancellationToken = default)
    {
        var signing = await GetOrCreateAsync(ApiKeyPurpose.Signing, () =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportPkcs8PrivateKey();
        }, cancellationToken);
        var encryption = await GetOrCreateAsync(ApiKeyPurpose.Encryption, () => RandomNumberGenerator.GetBytes(32), cancellationToken);

        var key = RSA.Create();
        key.ImportPkcs8PrivateKey(signing, out _);
        return (new RsaSecurityKey(key) { KeyId = KeyId(signing) }, new SymmetricSecurityKey(encryption) { KeyId = KeyId(encryption) });
    }

    private async Task<byte[]> GetOrCreateAsync(string purpose, Func<byte[]> create, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var existing = await db.Set<ApiKey>().AsNoTracking().Where(k => k.Purpose == purpose).Select(k => k.Material).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return Convert.FromBase64String(existing);
        }

        var material = create();
        db.Add(new ApiKey { Purpose = purpose, Material = Convert.ToBase64String(material), CreatedUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return material;
        }
        catch (DbUpdateException)
        {
            // Another node created it between our read and our insert: use theirs.
            db.ChangeTracker.Clear();
            var winner = await db.Set<ApiKey>().AsNoTracking().Where(k => k.Purpose == purpose).Select(k => k.Material).FirstAsync(cancellationToken);
            return Convert.FromBase64String(winner);
        }
    }

    /// <summary>A stable key id ("kid") from the key itself, the same on every node.</summary>
    private static string KeyId(byte[] material) => Convert.ToHexString(SHA256.HashData(material))[..16];
}

/// <summary>
/// Hands the database keys to OpenIddict's server options (which the local validation copies).
/// OpenIddict builds its options on the first request that needs them, after the start-up
/// migration, so the table exists by then.
/// </summary>
internal sealed class ApiKeyOptions(ApiKeyRing keys) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        // Options are built synchronously; this runs once per process.
        var (signing, encryption) = keys.LoadAsync().GetAwaiter().GetResult();
        options.SigningCredentials.Add(new SigningCredentials(signing, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(encryption, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
