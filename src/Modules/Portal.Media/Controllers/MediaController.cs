using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Portal.Media.Models;
using Portal.Media.Services;

namespace Portal.Media.Controllers;

/// <summary>Serves the site's files to everyone. A stored file never changes (a new upload gets a new id), so browsers and proxies may keep it for a year.</summary>
[Area("Media")]
public sealed class MediaController(MediaLibrary library) : Controller
{
    // The name segment is for people; the id alone finds the file.
    [HttpGet("media/{id:int}/{name}")]
    public async Task<IActionResult> Show(int id)
    {
        var media = await library.FindAsync(id, HttpContext.RequestAborted);
        if (media is null || media.StoredName is null)
        {
            return NotFound();
        }

        var path = library.PathOf(media);
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        var headers = Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers.CacheControl = "public, max-age=31536000, immutable";

        // Word files are opened by a desktop program, never rendered by the browser inside the portal's origin.
        var disposition = new ContentDispositionHeaderValue(media.Kind == MediaKind.Word ? "attachment" : "inline");
        disposition.SetHttpFileName(media.OriginalName);
        headers.ContentDisposition = disposition.ToString();

        // A PDF opens in the browser on the portal's own origin: sandboxed, whatever it carries
        // cannot run script there or reach the site's cookies (issue #10, defect 7).
        if (media.Kind == MediaKind.Pdf)
        {
            headers.ContentSecurityPolicy = "sandbox";
        }

        // PhysicalFile answers If-None-Match with 304 and serves ranges (PDF viewers ask for them).
        return PhysicalFile(path, media.ContentType, lastModified: null, entityTag: new EntityTagHeaderValue($"\"{media.Sha256}\""), enableRangeProcessing: true);
    }
}
