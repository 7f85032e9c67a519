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

        if (value.Length > 255)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c is ' ' or '/' or '\\' or '@' or '?' or '#' or ',' or '%')
            {
                return false;
            }
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

        // Every request reads its host three times (validation, allowed hosts, tenant resolution):
        // a plain ASCII name is checked here, and only Unicode or punycode names go through IDNA,
        // which costs more than the rest of a cached page's answer (issue #9's home benchmark).
        if (IsPlainAsciiName(name))
        {
            host = name.ToLowerInvariant();
            return true;
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

    /// <summary>
    /// LDH labels (letters, digits, inner hyphens) of 1 to 63 characters, 253 in all, none of them
    /// punycode (<c>xn--</c>, left to IDNA to prove it decodes): what IDNA with STD3 rules would
    /// accept unchanged except for case.
    /// </summary>
    private static bool IsPlainAsciiName(string name)
    {
        if (name.Length > 253)
        {
            return false;
        }

        var labelStart = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && name[i] != '.')
            {
                var c = name[i];
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }

                continue;
            }

            var length = i - labelStart;
            if (length is 0 or > 63 || name[labelStart] == '-' || name[i - 1] == '-'
                || (length >= 4 && name[labelStart + 2] == '-' && name[labelStart + 3] == '-'))
            {
                return false; // empty, too long, hyphen at an end, or an xn-- style label (IDNA decides)
            }

            labelStart = i + 1;
        }

        return true;
    }
}
