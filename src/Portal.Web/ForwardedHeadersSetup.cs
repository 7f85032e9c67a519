using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Portal.Core;

namespace Portal.Web;

/// <summary>
/// X-Forwarded-For, -Proto and -Host are believed only from the proxies named in
/// <c>Portal:ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c>; the framework's default of
/// trusting loopback is cleared, so with nothing configured no forwarded header is applied.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static void Apply(ForwardedHeadersOptions options, ForwardedHeadersSettings settings)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        options.ForwardLimit = 1;
        foreach (var proxy in settings.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"Portal:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in settings.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Portal:ForwardedHeaders:KnownNetworks: '{network}' is not a network (CIDR, 10.0.0.0/8)."));
        }
    }
}
