using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Portal.Core.Tenancy;

namespace Portal.Core.Hosting;

/// <summary>
/// Accepts only the host names of the sites (their hosts and canonical addresses) plus the
/// configured <c>Portal:AllowedHosts</c>; any other Host answers 400, so nothing the portal
/// writes (links, feeds, sign-in redirects) can carry a host an attacker chose. Runs after the
/// forwarded headers, so behind a trusted proxy it checks the host the visitor asked for.
/// </summary>
internal sealed class AllowedHostsMiddleware(RequestDelegate next, TenantCatalog catalog, IOptions<PortalOptions> options)
{
    private readonly bool _allowAny = options.Value.AllowedHosts.Contains("*");
    private readonly HashSet<string> _configured = Normalize(options.Value.AllowedHosts);
    private (IReadOnlyList<Tenant> Tenants, HashSet<string> Hosts) _cache = ([], []);

    public Task InvokeAsync(HttpContext context)
    {
        if (_allowAny)
        {
            return next(context);
        }

        if (!HostNames.TryNormalize(context.Request.Headers.Host.ToString(), out var host))
        {
            return HostHeaderValidationMiddleware.BadHostAsync(context);
        }

        return host.Length == 0 || _configured.Contains(host) || SiteHosts().Contains(host)
            ? next(context)
            : HostHeaderValidationMiddleware.BadHostAsync(context);
    }

    private HashSet<string> SiteHosts()
    {
        var tenants = catalog.All;
        var cache = _cache;
        if (ReferenceEquals(cache.Tenants, tenants))
        {
            return cache.Hosts;
        }

        var hosts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            foreach (var name in tenant.Hosts)
            {
                if (HostNames.TryNormalize(name, out var normalized) && normalized.Length > 0)
                {
                    hosts.Add(normalized);
                }
            }

            if (SiteUrls.CanonicalBase(tenant) is { } canonical && Uri.TryCreate(canonical, UriKind.Absolute, out var uri))
            {
                hosts.Add(uri.IdnHost.ToLowerInvariant());
            }
        }

        _cache = (tenants, hosts);
        return hosts;
    }

    private static HashSet<string> Normalize(IEnumerable<string> names)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (HostNames.TryNormalize(name.Trim(), out var host) && host.Length > 0)
            {
                set.Add(host);
            }
        }

        return set;
    }
}
