using Microsoft.EntityFrameworkCore;

namespace Portal.Pages.Models;

internal static class PagesModel
{
    public const int SlugLength = 200;

    public const int TitleLength = 300;

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<PublishedPage>(page =>
        {
            page.ToTable("PagesPublished");
            page.HasKey(p => p.Id);
            page.Property(p => p.ContentItemId).HasMaxLength(64).IsRequired();
            page.Property(p => p.Culture).HasMaxLength(10).IsRequired();
            page.Property(p => p.Slug).HasMaxLength(SlugLength).IsRequired();
            page.Property(p => p.Title).HasMaxLength(500).IsRequired();
            page.Property(p => p.Body).IsRequired();
            page.HasIndex(p => new { p.TenantId, p.ContentItemId }).IsUnique();

            // Every /trang/{slug} view looks its page up here. Not unique: while one page is
            // published under a slug another may briefly hold it too (as for news articles).
            page.HasIndex(p => new { p.TenantId, p.Slug });
        });
}
