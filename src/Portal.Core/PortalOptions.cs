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

    public MailSettings Mail { get; set; } = new();

    public SchedulerSettings Scheduler { get; set; } = new();

    public FormsSettings Forms { get; set; } = new();
}

/// <summary><c>Portal:Forms</c>: the anti-bot challenge of the public forms (docs/architecture.md, "Public forms: anti-bot challenge").</summary>
public sealed class FormsSettings
{
    /// <summary>Work asked of the browser: leading zero bits of SHA-256 (0–24); each bit doubles the work.</summary>
    public int ChallengeBits { get; set; } = 14;

    /// <summary>How long an issued challenge is accepted, in minutes (1–1440).</summary>
    public int ChallengeMinutes { get; set; } = 20;
}

/// <summary><c>Portal:Api</c>: the OAuth 2.0 tokens of the HTTP API.</summary>
public sealed class ApiSettings
{
    /// <summary>How long an access token from <c>/connect/token</c> is valid, in minutes (1–1440).</summary>
    public int TokenLifetimeMinutes { get; set; } = 60;
}

/// <summary>
/// <c>Portal:Mail</c>: how the outbox's messages leave (docs/architecture.md, "Mail outbox"). No
/// <see cref="Host"/> (the default) writes each message as an .eml file into
/// <see cref="PickupDirectory"/> instead of sending it: development and the demo need no mail server.
/// </summary>
public sealed class MailSettings
{
    /// <summary>The SMTP server; empty writes messages to the pickup directory.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><see cref="MailSecurity.Auto"/>: TLS on connect on port 465, STARTTLS required on any other port.</summary>
    public MailSecurity Security { get; set; } = MailSecurity.Auto;

    /// <summary>Sign-in to the SMTP server; none when empty.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address of every message.</summary>
    public string From { get; set; } = "no-reply@localhost";

    /// <summary>The sender's display name; empty uses the display name of the site the message belongs to.</summary>
    public string? FromName { get; set; }

    /// <summary>Folder for .eml files when no host is set; relative paths are under the data path.</summary>
    public string PickupDirectory { get; set; } = "mail-pickup";

    /// <summary>How often each process looks for messages due (one indexed query for the whole installation).</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>The wait after a first failed attempt; it doubles with every attempt, up to <see cref="MaxRetrySeconds"/>.</summary>
    public int RetrySeconds { get; set; } = 60;

    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>Attempts before a message is given up (kept, state Failed, with its last error).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Connect, sign-in and send time allowed for one message.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Sent messages are deleted after this many days (failed ones are kept until an operator acts).</summary>
    public int KeepSentDays { get; set; } = 30;
}

public enum MailSecurity
{
    Auto,
    StartTls,
    SslOnConnect,
    None,
}

/// <summary><c>Portal:Scheduler</c>: the process-wide loop of the periodic jobs.</summary>
public sealed class SchedulerSettings
{
    /// <summary>How often each process looks for jobs whose period has come (a job's period is its own).</summary>
    public int TickSeconds { get; set; } = 15;
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
