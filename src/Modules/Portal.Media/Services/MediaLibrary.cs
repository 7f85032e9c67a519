using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Media.Models;

namespace Portal.Media.Services;

/// <summary>The current site's media: queries, and adding or removing a row together with its file.</summary>
// Public only because the MVC controllers, which must be public, take it; its members stay internal.
public sealed class MediaLibrary
{
    private readonly PortalDbContext _db;
    private readonly MediaStorage _storage;
    private readonly TenantContext _site;
    private readonly TimeProvider _clock;

    internal MediaLibrary(PortalDbContext db, MediaStorage storage, TenantContext site, TimeProvider clock)
    {
        _db = db;
        _storage = storage;
        _site = site;
        _clock = clock;
    }

    internal async Task<(IReadOnlyList<MediaFile> Items, int Total)> SearchAsync(string? search, MediaKind? kind, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = _db.Set<MediaFile>().AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(m => m.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(m => m.OriginalName.Contains(term) || m.AltText.Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(m => m.UploadedUtc).ThenByDescending(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>The current site's item (the tenant filter makes another site's id unknown).</summary>
    internal Task<MediaFile?> FindAsync(int id, CancellationToken cancellationToken) =>
        _db.Set<MediaFile>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    internal string PathOf(MediaFile file) => _storage.PathOf(file.TenantId, file.StoredName!);

    /// <summary>Stores a checked upload: the file first, then its row; the file is removed again if the row fails.</summary>
    internal async Task<MediaFile> AddFileAsync(AcceptedUpload upload, Stream content, long size, string originalName, string altText, string caption, string uploadedBy, CancellationToken cancellationToken)
    {
        var (storedName, sha256) = await _storage.SaveAsync(_site.TenantId, content, upload.Format, cancellationToken);
        var media = new MediaFile
        {
            StoredName = storedName,
            OriginalName = originalName,
            ContentType = upload.Format.ContentType,
            Kind = upload.Format.Kind,
            Size = size,
            Sha256 = sha256,
            AltText = altText,
            Caption = caption,
            Width = upload.Width,
            Height = upload.Height,
            UploadedBy = uploadedBy,
            UploadedUtc = _clock.GetUtcNow().UtcDateTime,
        };
        try
        {
            _db.Add(media);
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            _storage.Delete(_site.TenantId, storedName);
            throw;
        }

        return media;
    }

    internal async Task<MediaFile> AddVideoLinkAsync(string url, string title, string caption, string uploadedBy, CancellationToken cancellationToken)
    {
        var media = new MediaFile
        {
            Kind = MediaKind.VideoLink,
            VideoUrl = url,
            OriginalName = title,
            Caption = caption,
            UploadedBy = uploadedBy,
            UploadedUtc = _clock.GetUtcNow().UtcDateTime,
        };
        _db.Add(media);
        await _db.SaveChangesAsync(cancellationToken);
        return media;
    }

    /// <summary>The row goes first: a file left behind by a crash is harmless, a row without its file is a broken link.</summary>
    internal async Task DeleteAsync(MediaFile media, CancellationToken cancellationToken)
    {
        _db.Remove(media);
        await _db.SaveChangesAsync(cancellationToken);
        if (media.StoredName is { } storedName)
        {
            _storage.Delete(media.TenantId, storedName);
        }
    }
}
