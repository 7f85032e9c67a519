using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Portal.Core;

namespace Portal.Web;

/// <summary>
/// X-Forwarded-For, -Proto and -Host are believed only from the proxies named in
/// <c>Portal:ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c>; the framework's default of
/// trusting loopback is cleared. With nothing configured the middleware is not used at all
/// (PortalHost), since its empty lists would mean "believe anyone".
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static void Apply(ForwardedHeadersOptions options, ForwardedHeadersSettings settings)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list is still consulted by the middleware: clear its loopback default too
        options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
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
