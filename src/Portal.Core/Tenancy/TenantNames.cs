using System.Text.RegularExpressions;

namespace Portal.Core.Tenancy;

/// <summary>Rules for tenant names, prefixes and host names.</summary>
public static partial class TenantNames
{
    public const int MaxLength = 63;

    /// <summary>
    /// First path segments the kernel and the host use themselves (admin area, API, token endpoint,
    /// health, error pages, static assets, culture segments). Modules declare their own
    /// (<see cref="Modules.ModuleStartup.ReservedSegments"/>); a prefix is checked against the union
    /// (<see cref="Modules.ModuleCatalog.ReservedSegments"/>).
    /// </summary>
    public static readonly IReadOnlySet<string> KernelReserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "api", "connect", "openapi", "health", "error", "account", "login", "logout",
        "_content", "_framework", "assets", "css", "js", "lib", "favicon.ico", "vi", "en", "zh",

        // Public URLs of CONTRACTS.md whose modules are not written yet (Q&A, dialogues, search):
        // reserved now so that no site takes them first; each moves to its module when it exists.
        "hoi-dap", "doi-thoai", "tim-kiem", "tin-cac-don-vi",
    };

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    /// <summary>A recipe named like the installation's own (<c>commune</c>), not a path to a file.</summary>
    public static bool IsRecipeName(string name) => SlugPattern().IsMatch(name);

    /// <summary>Null when valid, otherwise a Vietnamese-free plain reason usable on the CLI and in forms.</summary>
    public static string? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "The name is required.";
        }

        if (!SlugPattern().IsMatch(name))
        {
            return $"The name '{name}' is not valid: use 1-63 lower-case letters a-z, digits and hyphens, not starting or ending with a hyphen (e.g. xa-hong-ha).";
        }

        return null;
    }

    /// <param name="reserved">The installation's reserved first segments: <see cref="Modules.ModuleCatalog.ReservedSegments"/>.</param>
    public static string? CheckPrefix(string prefix, IReadOnlySet<string> reserved)
    {
        if (prefix.Length == 0)
        {
            return null;
        }

        if (!SlugPattern().IsMatch(prefix))
        {
            return $"The prefix '{prefix}' is not valid: use lower-case letters a-z, digits and hyphens (e.g. xa-hong-ha).";
        }

        return reserved.Contains(prefix) ? $"The prefix '{prefix}' is reserved by the platform's own URLs." : null;
    }

    public static string? CheckHost(string host) =>
        HostPattern().IsMatch(host) ? null : $"The host name '{host}' is not valid (expected e.g. xahongha.tinh.gov.vn, without scheme or port).";
}
