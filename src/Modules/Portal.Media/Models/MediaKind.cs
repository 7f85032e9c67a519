namespace Portal.Media.Models;

/// <summary>What a media item is, decided by its bytes (never by its file name) or, for video, by its link.</summary>
internal enum MediaKind
{
    Image,
    Pdf,
    Word,
    VideoLink,
}
