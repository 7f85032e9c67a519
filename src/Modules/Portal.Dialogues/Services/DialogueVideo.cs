using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Dialogues.Services;

/// <summary>
/// The video link: any https address is shown as a link; YouTube and Vimeo are embedded, through
/// their privacy-friendly players (youtube-nocookie.com, Vimeo's do-not-track), which the
/// site's Content-Security-Policy allows as frames. A time in the video becomes a link that starts there.
/// </summary>
public static partial class DialogueVideo
{
    public const int MaxLength = 500;

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$", RegexOptions.CultureInvariant)]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^[0-9]{1,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex VimeoId();

    /// <summary>An https address with a host: what the form and the importer accept.</summary>
    public static bool IsAcceptable(string url) =>
        url.Length <= MaxLength && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
        && string.IsNullOrEmpty(uri.UserInfo) && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    /// <summary>The embeddable player's address, or null for a video that is only linked.</summary>
    public static string? EmbedUrl(string url) =>
        YouTube(url) is { } yt ? "https://www.youtube-nocookie.com/embed/" + yt
        : Vimeo(url) is { } vm ? "https://player.vimeo.com/video/" + vm + "?dnt=1"
        : null;

    /// <summary>A link to the video at a time (YouTube: <c>?t=</c>, Vimeo: <c>#t=</c>); null when the video cannot be opened at a time.</summary>
    public static string? At(string url, int seconds)
    {
        var s = seconds.ToString(CultureInfo.InvariantCulture);
        return YouTube(url) is { } yt ? $"https://youtu.be/{yt}?t={s}"
            : Vimeo(url) is { } vm ? $"https://vimeo.com/{vm}#t={s}s"
            : null;
    }

    /// <summary>"1:02:05" or "12:05".</summary>
    public static string Format(int seconds)
    {
        var t = TimeSpan.FromSeconds(seconds);
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:D2}:{t.Seconds:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:D2}");
    }

    /// <summary>"1:02:05", "12:05" or "725" (seconds) as seconds; null when it is none of them.</summary>
    public static int? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split(':');
        if (parts.Length > 3 || parts.Any(p => p.Length is 0 or > 5 || !p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        long total = 0;
        foreach (var part in parts)
        {
            total = (total * 60) + long.Parse(part, CultureInfo.InvariantCulture);
        }

        return total is >= 0 and <= 48 * 3600 ? (int)total : null;
    }

    private static string? YouTube(string url)
    {
        if (!IsAcceptable(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath.Trim('/').Split('/');
        string? id = host switch
        {
            "youtu.be" => path[0],
            "www.youtube.com" or "youtube.com" or "m.youtube.com" or "www.youtube-nocookie.com" => path[0] switch
            {
                "watch" => Query(uri, "v"),
                "embed" or "live" or "shorts" when path.Length > 1 => path[1],
                _ => null,
            },
            _ => null,
        };
        return id is not null && YouTubeId().IsMatch(id) ? id : null;
    }

    private static string? Vimeo(string url)
    {
        if (!IsAcceptable(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath.Trim('/').Split('/');
        var id = host switch
        {
            "vimeo.com" or "www.vimeo.com" => path[0],
            "player.vimeo.com" when path.Length > 1 && path[0] == "video" => path[1],
            _ => null,
        };
        return id is not null && VimeoId().IsMatch(id) ? id : null;
    }

    private static string? Query(Uri uri, string name)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && pair[..eq] == name)
            {
                return Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        return null;
    }
}
