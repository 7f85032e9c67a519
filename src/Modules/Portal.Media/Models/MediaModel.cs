using Microsoft.EntityFrameworkCore;

namespace Portal.Media.Models;

internal static class MediaModel
{
    public const int OriginalNameLength = 255;
    public const int AltTextLength = 500;
    public const int CaptionLength = 1000;
    public const int VideoUrlLength = 500;

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<MediaFile>(media =>
        {
            media.ToTable("MediaFiles");
            media.HasKey(m => m.Id);
            media.Property(m => m.StoredName).HasMaxLength(64);
            media.Property(m => m.OriginalName).HasMaxLength(OriginalNameLength).IsRequired();
            media.Property(m => m.ContentType).HasMaxLength(100).IsRequired();
            media.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20).IsRequired();
            media.Property(m => m.Sha256).HasMaxLength(64);
            media.Property(m => m.AltText).HasMaxLength(AltTextLength).IsRequired();
            media.Property(m => m.Caption).HasMaxLength(CaptionLength).IsRequired();
            media.Property(m => m.VideoUrl).HasMaxLength(VideoUrlLength);
            media.Property(m => m.UploadedBy).HasMaxLength(256).IsRequired();

            // The library lists newest first, optionally filtered by kind.
            media.HasIndex(m => new { m.TenantId, m.UploadedUtc });
            media.HasIndex(m => new { m.TenantId, m.Kind, m.UploadedUtc });
        });
}
