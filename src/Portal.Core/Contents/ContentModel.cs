using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Contents;

internal static class ContentModel
{
    public const int CategoryLength = 200;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContentItem>(item =>
        {
            item.ToTable("ContentItems");
            item.HasKey(c => c.Id);
            item.Property(c => c.ContentItemId).HasMaxLength(64).IsRequired();
            item.Property(c => c.ContentType).HasMaxLength(50).IsRequired();
            item.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
            item.Property(c => c.Culture).HasMaxLength(10).IsRequired();
            item.Property(c => c.LocalizationSet).HasMaxLength(64).IsRequired();
            item.Property(c => c.Title).HasMaxLength(500).IsRequired();
            item.Property(c => c.Slug).HasMaxLength(200).IsRequired();
            item.Property(c => c.Category).HasMaxLength(CategoryLength).IsRequired();
            item.Property(c => c.AuthorId).HasMaxLength(64).IsRequired();
            item.Property(c => c.AuthorName).HasMaxLength(200).IsRequired();
            item.Property(c => c.ModifiedById).HasMaxLength(64).IsRequired();
            item.Property(c => c.ModifiedByName).HasMaxLength(200).IsRequired();
            item.Property(c => c.Data).IsRequired();
            item.HasIndex(c => new { c.TenantId, c.ContentItemId, c.Version }).IsUnique();
            item.HasIndex(c => new { c.TenantId, c.ContentType, c.Latest, c.ModifiedUtc });
            item.HasIndex(c => new { c.TenantId, c.ContentType, c.Published, c.PublishedUtc });
            item.HasIndex(c => new { c.TenantId, c.Culture, c.Slug });
            item.HasIndex(c => new { c.State, c.ScheduledUtc });
        });

        modelBuilder.Entity<ContentAuditEntry>(entry =>
        {
            entry.ToTable("ContentAudit");
            entry.HasKey(a => a.Id);
            entry.Property(a => a.ContentItemId).HasMaxLength(64).IsRequired();
            entry.Property(a => a.Action).HasMaxLength(40).IsRequired();
            entry.Property(a => a.FromState).HasConversion<string>().HasMaxLength(20);
            entry.Property(a => a.ToState).HasConversion<string>().HasMaxLength(20);
            entry.Property(a => a.UserId).HasMaxLength(64).IsRequired();
            entry.Property(a => a.UserName).HasMaxLength(200).IsRequired();
            entry.Property(a => a.RemoteAddress).HasMaxLength(64).IsRequired();
            entry.Property(a => a.Reason).HasMaxLength(1000);
            entry.HasIndex(a => new { a.TenantId, a.ContentItemId, a.Utc });
        });

        modelBuilder.Entity<ContentFeedEntry>(entry =>
        {
            entry.ToTable("ContentFeed");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.ContentType).HasMaxLength(50).IsRequired();
            entry.Property(e => e.ContentItemId).HasMaxLength(64).IsRequired();
            entry.Property(e => e.Culture).HasMaxLength(10).IsRequired();
            entry.HasIndex(e => new { e.TenantId, e.ContentType, e.ContentItemId }).IsUnique();
            entry.HasIndex(e => new { e.TenantId, e.ContentType, e.Seq });
            entry.HasIndex(e => new { e.TenantId, e.Seq });
        });
    }
}
