namespace Portal.Core;

/// <summary>The <c>Portal</c> configuration section (docs/contracts.md lists the keys).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Folder for the SQLite file, media and keys; relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    public DatabaseOptions Database { get; set; } = new();

    public AutoSetupOptions AutoSetup { get; set; } = new();

    public AdminOptions Admin { get; set; } = new();

    /// <summary>How often the process checks the tenants and calendar tables for changes made elsewhere.</summary>
    public int TenantRefreshSeconds { get; set; } = 5;

    /// <summary>
    /// On SQLite, how often the process looks for cache evictions written by another process (the
    /// CLI): one indexed query per interval for the whole process, whatever the number of sites.
    /// </summary>
    public int CacheEvictionPollMilliseconds { get; set; } = 1000;

    /// <summary>Sign-in attempts allowed per client address and minute, on top of the per-account lockout.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Folder of the installation's recipes; empty means the <c>recipes</c> folder next to the application.</summary>
    public string? RecipesPath { get; set; }

    /// <summary>
    /// Host names accepted besides the sites' own hosts and canonical addresses (<c>*</c> accepts any).
    /// The defaults are the loopback names, so a fresh clone answers on http://localhost:5000.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = ["localhost", "127.0.0.1", "[::1]"];

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    public ApiSettings Api { get; set; } = new();
}

/// <summary><c>Portal:Api</c>: the OAuth 2.0 tokens of the HTTP API.</summary>
public sealed class ApiSettings
{
    /// <summary>How long an access token from <c>/connect/token</c> is valid, in minutes (1–1440).</summary>
    public int TokenLifetimeMinutes { get; set; } = 60;
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class AutoSetupOptions
{
    /// <summary>Setup recipe of the default tenant on an empty database; empty turns auto-setup off.</summary>
    public string Recipe { get; set; } = "province";

    /// <summary>Also load demo content; null means "true in Development".</summary>
    public bool? Demo { get; set; }

    public string DisplayName { get; set; } = "Tỉnh An Hòa";
}

public sealed class AdminOptions
{
    public string UserName { get; set; } = "admin";

    public string? Password { get; set; }

    public string Email { get; set; } = "admin@localhost";
}

/// <summary><c>Portal:ForwardedHeaders</c>: the only addresses whose X-Forwarded-* headers are believed.</summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>IP addresses of the reverse proxies in front of the portal.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, <c>10.0.0.0/8</c>) of the reverse proxies.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
