using Microsoft.EntityFrameworkCore;

namespace Portal.News.Models;

internal static class NewsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NewsCategory>(category =>
        {
            category.ToTable("NewsCategories");
            category.HasKey(c => c.Id);
            category.Property(c => c.Slug).HasMaxLength(200).IsRequired();
            category.Property(c => c.Name).HasMaxLength(200).IsRequired();
            category.Property(c => c.ParentSlug).HasMaxLength(200);
            category.HasIndex(c => new { c.TenantId, c.Slug }).IsUnique();
        });

        modelBuilder.Entity<ArticleComment>(comment =>
        {
            comment.ToTable("NewsComments");
            comment.HasKey(c => c.Id);
            comment.Property(c => c.ContentItemId).HasMaxLength(64).IsRequired();
            comment.Property(c => c.Title).HasMaxLength(200).IsRequired();
            comment.Property(c => c.SenderName).HasMaxLength(100).IsRequired();
            comment.Property(c => c.Email).HasMaxLength(256).IsRequired();
            comment.Property(c => c.Content).HasMaxLength(4000).IsRequired();
            comment.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            comment.Property(c => c.RemoteAddress).HasMaxLength(64).IsRequired();
            comment.HasIndex(c => new { c.TenantId, c.ContentItemId, c.Status });
            comment.HasIndex(c => new { c.TenantId, c.Status, c.CreatedUtc });
        });

        modelBuilder.Entity<RoyaltyRate>(rate =>
        {
            rate.ToTable("NewsRoyaltyRates");
            rate.HasKey(r => r.Id);
            rate.Property(r => r.Class).HasMaxLength(50).IsRequired();
            rate.Property(r => r.Description).HasMaxLength(300).IsRequired();
            rate.HasIndex(r => new { r.TenantId, r.Class }).IsUnique();
        });

        modelBuilder.Entity<RoyaltyEntry>(entry =>
        {
            entry.ToTable("NewsRoyalties");
            entry.HasKey(r => r.Id);
            entry.Property(r => r.ContentItemId).HasMaxLength(64).IsRequired();
            entry.Property(r => r.Title).HasMaxLength(500).IsRequired();
            entry.Property(r => r.Author).HasMaxLength(200).IsRequired();
            entry.Property(r => r.Class).HasMaxLength(50).IsRequired();
            entry.HasIndex(r => new { r.TenantId, r.ContentItemId }).IsUnique();
            entry.HasIndex(r => new { r.TenantId, r.PublishedUtc });
        });

        modelBuilder.Entity<PublishedArticle>(article =>
        {
            article.ToTable("NewsPublished");
            article.HasKey(a => a.Id);
            article.Property(a => a.ContentItemId).HasMaxLength(64).IsRequired();
            article.Property(a => a.Culture).HasMaxLength(10).IsRequired();
            article.Property(a => a.Slug).HasMaxLength(200).IsRequired();
            article.Property(a => a.Title).HasMaxLength(500).IsRequired();
            article.Property(a => a.Summary).HasMaxLength(2000).IsRequired();
            article.Property(a => a.Category).HasMaxLength(200).IsRequired();
            article.Property(a => a.FeaturedImage).HasMaxLength(500).IsRequired();
            article.Property(a => a.FeaturedImageAlt).HasMaxLength(500).IsRequired();
            article.HasIndex(a => new { a.TenantId, a.ContentItemId }).IsUnique();
            article.HasIndex(a => new { a.TenantId, a.Culture, a.PublishedUtc });
            article.HasIndex(a => new { a.TenantId, a.Category, a.PublishedUtc });

            // The news of the sites below (DescendantNews): newest first across sites.
            article.HasIndex(a => new { a.Culture, a.PublishedUtc });

            // Every article view looks its article up by slug (found by the pages benchmark: without
            // it each view read all of a site's published articles). Not unique: an item published
            // under an old slug may briefly share it with another published item.
            article.HasIndex(a => new { a.TenantId, a.Culture, a.Slug });
        });
    }
}
