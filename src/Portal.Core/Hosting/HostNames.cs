using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Portal.Core.Hosting;

/// <summary>
/// Reads a Host (or X-Forwarded-Host) value without trusting it: ASP.NET Core's
/// <see cref="HostString.FromUriComponent(string)"/> throws on an invalid punycode label
/// (<c>xn--</c>), and it runs whenever <c>Request.Host</c> is read, so a value that cannot be a
/// host name must be refused before anything reads it.
/// </summary>
public static class HostNames
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>
    /// True when <paramref name="value"/> is <c>host</c> or <c>host:port</c> with a host name that
    /// IDNA accepts (or an IP address); <paramref name="host"/> is then its lower-case ASCII form without port.
    /// An empty value is valid (HTTP/1.0 without Host) and gives an empty host.
    /// </summary>
    public static bool TryNormalize(string? value, out string host)
    {
        host = "";
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (value.Length > 255 || value.Any(c => char.IsControl(c) || c is ' ' or '/' or '\\' or '@' or '?' or '#' or ',' or '%'))
        {
            return false;
        }

        string name;
        string? port = null;
        if (value.StartsWith('['))
        {
            var end = value.IndexOf(']', StringComparison.Ordinal);
            if (end < 0 || !System.Net.IPAddress.TryParse(value[1..end], out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return false;
            }

            name = value[..(end + 1)];
            if (end + 1 < value.Length)
            {
                if (value[end + 1] != ':')
                {
                    return false;
                }

                port = value[(end + 2)..];
            }
        }
        else
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            name = colon < 0 ? value : value[..colon];
            port = colon < 0 ? null : value[(colon + 1)..];
        }

        if (port is not null && !(port.Length is > 0 and <= 5 && port.All(char.IsAsciiDigit) && int.Parse(port, CultureInfo.InvariantCulture) <= 65535))
        {
            return false;
        }

        if (name.StartsWith('['))
        {
            host = name.ToLowerInvariant();
            return true;
        }

        name = name.TrimEnd('.');
        if (name.Length == 0)
        {
            return false;
        }

        try
        {
            // GetAscii validates every label (length, hyphens, STD3 characters) and turns a Unicode
            // name into punycode; GetUnicode then proves each xn-- label decodes.
            var ascii = Idn.GetAscii(name);
            _ = Idn.GetUnicode(ascii);
            host = ascii.ToLowerInvariant();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
