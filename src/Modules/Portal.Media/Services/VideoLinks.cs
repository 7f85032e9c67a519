using System.Text.RegularExpressions;
using Portal.Media.Models;

namespace Portal.Media.Services;

/// <summary>
/// Videos are never uploaded (they would dwarf every other site's data); a site links to YouTube,
/// Vimeo or another https address. Links are checked here so a page never embeds a
/// <c>javascript:</c> address or a YouTube page with no video in it.
/// </summary>
internal static partial class VideoLinks
{
    private static readonly HashSet<string> YouTubeHosts = new(StringComparer.OrdinalIgnoreCase) { "youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be" };
    private static readonly HashSet<string> VimeoHosts = new(StringComparer.OrdinalIgnoreCase) { "vimeo.com", "www.vimeo.com", "player.vimeo.com" };

    /// <summary>The link to store (YouTube and Vimeo upgraded to https), or an error message in Vietnamese.</summary>
    public static (string? Url, string? Error) Check(string? input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, "Vui lòng nhập liên kết video.");
        }

        if (text.Length > MediaModel.VideoUrlLength
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0
            || uri.HostNameType != UriHostNameType.Dns)
        {
            return (null, "Liên kết video không hợp lệ: cần một địa chỉ https (YouTube, Vimeo hoặc trang video của cơ quan).");
        }

        if (YouTubeHosts.Contains(uri.Host))
        {
            return YouTubeId(uri) is not null ? (Https(uri), null) : (null, "Liên kết YouTube không chỉ tới video nào (ví dụ đúng: https://www.youtube.com/watch?v=...).");
        }

        if (VimeoHosts.Contains(uri.Host))
        {
            return VimeoId().IsMatch(uri.AbsolutePath) ? (Https(uri), null) : (null, "Liên kết Vimeo không chỉ tới video nào (ví dụ đúng: https://vimeo.com/123456).");
        }

        // Other hosts: an agency's own video page is fine, but only over https (pages are served over https).
        return uri.Scheme == Uri.UriSchemeHttps ? (uri.AbsoluteUri, null) : (null, "Liên kết video phải dùng https.");
    }

    private static string? YouTubeId(Uri uri)
    {
        var path = uri.AbsolutePath.Trim('/');
        var candidate = uri.Host.Equals("youtu.be", StringComparison.OrdinalIgnoreCase) ? path
            : path == "watch" ? System.Web.HttpUtility.ParseQueryString(uri.Query)["v"]
            : path.StartsWith("embed/", StringComparison.Ordinal) || path.StartsWith("shorts/", StringComparison.Ordinal) || path.StartsWith("live/", StringComparison.Ordinal) ? path[(path.IndexOf('/') + 1)..]
            : null;
        return candidate is not null && YouTubeVideoId().IsMatch(candidate) ? candidate : null;
    }

    private static string Https(Uri uri) => new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps, Port = -1 }.Uri.AbsoluteUri;

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$", RegexOptions.CultureInvariant)]
    private static partial Regex YouTubeVideoId();

    [GeneratedRegex(@"^/(?:video/)?\d+/?$", RegexOptions.CultureInvariant)]
    private static partial Regex VimeoId();
}
