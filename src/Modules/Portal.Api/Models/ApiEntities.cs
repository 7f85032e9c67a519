using OpenIddict.EntityFrameworkCore.Models;
using Portal.Core.Persistence;

namespace Portal.Api.Models;

/// <summary>
/// An API client: OpenIddict's application row, owned by one site. Being <see cref="ITenantOwned"/>
/// puts the tenant query filter on every lookup OpenIddict's store makes, so site B's
/// <c>/connect/token</c> cannot find (or authenticate) a client of site A.
/// </summary>
internal sealed class ApiClient : OpenIddictEntityFrameworkCoreApplication<string, ApiAuthorization, ApiToken>, ITenantOwned
{
    public ApiClient() => Id = Guid.NewGuid().ToString("N");

    public int TenantId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the client last called the API with a token (written at most once a minute, see <c>ApiCallRecorder</c>).</summary>
    public DateTime? LastCalledUtc { get; set; }
}

/// <summary>
/// OpenIddict's authorization row. Client credentials create none; the table exists because
/// OpenIddict's stores need the entity in the model.
/// </summary>
internal sealed class ApiAuthorization : OpenIddictEntityFrameworkCoreAuthorization<string, ApiClient, ApiToken>
{
    public ApiAuthorization() => Id = Guid.NewGuid().ToString("N");
}

/// <summary>OpenIddict's scope row. Unused: the scopes are the kernel's fixed list (<c>ApiScopes</c>), registered in the server options.</summary>
internal sealed class ApiScope : OpenIddictEntityFrameworkCoreScope<string>
{
    public ApiScope() => Id = Guid.NewGuid().ToString("N");
}

/// <summary>OpenIddict's token row. Unused while token storage is off (see <c>Startup</c>).</summary>
internal sealed class ApiToken : OpenIddictEntityFrameworkCoreToken<string, ApiClient, ApiAuthorization>
{
    public ApiToken() => Id = Guid.NewGuid().ToString("N");
}

/// <summary>
/// The installation's token keys (one signing, one encryption), shared by every site and every
/// node: not tenant-owned, a token of any site is signed by the same key and checked by the site rule.
/// </summary>
internal sealed class ApiKey
{
    /// <summary><see cref="ApiKeyPurpose"/> as text: one row per purpose.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>The key itself, base64 (PKCS#8 for RSA, raw bytes for the symmetric key).</summary>
    public string Material { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}

internal static class ApiKeyPurpose
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";
}
