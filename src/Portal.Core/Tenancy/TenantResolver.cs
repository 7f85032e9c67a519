namespace Portal.Core.Tenancy;

/// <summary>
/// Immutable lookup tables built from all tenants, so that resolving a request is a few
/// dictionary reads whatever the number of tenants. Order follows Orchard Core's shell table:
/// host+prefix, then host alone, then prefix alone, then the default tenant.
/// </summary>
public sealed class TenantResolver
{
    private readonly Dictionary<(string Host, string Prefix), Tenant> _byHostAndPrefix = [];
    private readonly Dictionary<string, Tenant> _byHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Tenant> _byPrefix = new(StringComparer.OrdinalIgnoreCase);
    private readonly Tenant? _fallback;

    public TenantResolver(IEnumerable<Tenant> tenants)
    {
        foreach (var tenant in tenants)
        {
            var prefix = tenant.Prefix.ToLowerInvariant();
            if (tenant.Hosts.Count == 0)
            {
                if (prefix.Length == 0)
                {
                    // Only the default tenant may catch every request; another tenant without
                    // host or prefix would be unreachable, which provisioning refuses.
                    if (tenant.IsDefault)
                    {
                        _fallback = tenant;
                    }
                }
                else
                {
                    _byPrefix[prefix] = tenant;
                }

                continue;
            }

            foreach (var host in tenant.Hosts)
            {
                // The request's host arrives in its ASCII (punycode) form (HostNames): key the
                // table the same way, so a host stored in Unicode (xã.vn) still matches.
                var key = Hosting.HostNames.TryNormalize(host, out var ascii) && ascii.Length > 0 ? ascii : host.ToLowerInvariant();
                if (prefix.Length == 0)
                {
                    _byHost[key] = tenant;
                }
                else
                {
                    _byHostAndPrefix[(key, prefix)] = tenant;
                }
            }
        }
    }

    /// <summary>Finds the tenant for a host and the first path segment; returns the prefix that matched.</summary>
    public (Tenant? Tenant, string Prefix) Resolve(string host, string firstSegment)
    {
        host = !host.All(char.IsAscii) && Hosting.HostNames.TryNormalize(host, out var ascii) ? ascii : host.ToLowerInvariant();
        var segment = firstSegment.ToLowerInvariant();

        if (segment.Length > 0 && _byHostAndPrefix.TryGetValue((host, segment), out var tenant))
        {
            return (tenant, segment);
        }

        if (_byHost.TryGetValue(host, out tenant))
        {
            return (tenant, "");
        }

        if (segment.Length > 0 && _byPrefix.TryGetValue(segment, out tenant))
        {
            return (tenant, segment);
        }

        return (_fallback, "");
    }

    /// <summary>True when another tenant already answers on this host and prefix combination.</summary>
    public static bool Collides(Tenant a, Tenant b)
    {
        if (!string.Equals(a.Prefix, b.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (a.Hosts.Count == 0 || b.Hosts.Count == 0)
        {
            return a.Hosts.Count == 0 && b.Hosts.Count == 0;
        }

        return a.Hosts.Intersect(b.Hosts, StringComparer.OrdinalIgnoreCase).Any();
    }
}
