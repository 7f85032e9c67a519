using Portal.Core.Text;
using Portal.Media.Models;

namespace Portal.Media.Services;

internal static class MediaUrls
{
    /// <summary>
    /// The public address, relative to the site (<c>~/media/12/anh-khanh-thanh.png</c>). Only the id
    /// finds the file; the readable name is for people and search engines.
    /// </summary>
    public static string PublicPath(MediaFile media)
    {
        var extension = Path.GetExtension(media.StoredName ?? "");
        var slug = Slugs.FromTitle(Path.GetFileNameWithoutExtension(media.OriginalName));
        if (slug.Length > 80)
        {
            slug = slug[..80].TrimEnd('-');
        }

        return $"~/media/{media.Id}/{(slug.Length == 0 ? "tep" : slug)}{extension}";
    }
}
