using Portal.Core.Persistence;

namespace Portal.Media.Models;

/// <summary>An uploaded image or document of one site, or a link to a video hosted elsewhere.</summary>
internal sealed class MediaFile : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    /// <summary>The file's name on disk: random, so nothing a user typed ever reaches a path. Null for video links.</summary>
    public string? StoredName { get; set; }

    /// <summary>The name the uploader's computer gave the file (or the title of a video link); shown, never used as a path.</summary>
    public string OriginalName { get; set; } = "";

    /// <summary>The MIME type found by sniffing the content; empty for video links.</summary>
    public string ContentType { get; set; } = "";

    public MediaKind Kind { get; set; }

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes: the ETag, and a way to spot duplicates. Null for video links.</summary>
    public string? Sha256 { get; set; }

    /// <summary>Text alternative for screen readers (WCAG 1.1.1); required for images.</summary>
    public string AltText { get; set; } = "";

    public string Caption { get; set; } = "";

    public int? Width { get; set; }

    public int? Height { get; set; }

    public string? VideoUrl { get; set; }

    public string UploadedBy { get; set; } = "";

    public DateTime UploadedUtc { get; set; }
}
