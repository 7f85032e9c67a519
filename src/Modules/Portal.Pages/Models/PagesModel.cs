using Microsoft.EntityFrameworkCore;

namespace Portal.Pages.Models;

internal static class PagesModel
{
    public const int SlugLength = 200;

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Page>(page =>
        {
            page.ToTable("Pages");
            page.HasKey(p => p.Id);
            page.Property(p => p.Slug).HasMaxLength(SlugLength).IsRequired();
            page.Property(p => p.Title).HasMaxLength(300).IsRequired();
            page.Property(p => p.Body).IsRequired();
            page.Property(p => p.ContentId).HasMaxLength(200);
            page.HasIndex(p => new { p.TenantId, p.Slug }).IsUnique();
            page.HasIndex(p => new { p.TenantId, p.ContentId }).IsUnique();
        });
}
