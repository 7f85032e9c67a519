using Microsoft.EntityFrameworkCore;

namespace Portal.Taxonomies.Models;

internal static class TaxonomyModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Term>(term =>
        {
            term.ToTable("TaxonomyTerms");
            term.HasKey(t => t.Id);
            term.Property(t => t.Vocabulary).HasMaxLength(50).IsRequired();
            term.Property(t => t.Slug).HasMaxLength(200).IsRequired();
            term.Property(t => t.Name).HasMaxLength(200).IsRequired();
            term.Property(t => t.Folded).HasMaxLength(200).IsRequired();
            term.Property(t => t.MergedInto).HasMaxLength(200);
            term.HasIndex(t => new { t.TenantId, t.Vocabulary, t.Slug }).IsUnique();
        });

        modelBuilder.Entity<TermAssignment>(assignment =>
        {
            assignment.ToTable("TaxonomyAssignments");
            assignment.HasKey(a => a.Id);
            assignment.Property(a => a.Vocabulary).HasMaxLength(50).IsRequired();
            assignment.Property(a => a.TermSlug).HasMaxLength(200).IsRequired();
            assignment.Property(a => a.ContentItemId).HasMaxLength(64).IsRequired();
            assignment.Property(a => a.ContentType).HasMaxLength(50).IsRequired();
            assignment.Property(a => a.Title).HasMaxLength(500).IsRequired();
            assignment.Property(a => a.Path).HasMaxLength(500).IsRequired();
            assignment.HasIndex(a => new { a.TenantId, a.Vocabulary, a.TermSlug, a.PublishedUtc }).HasDatabaseName("IX_TaxonomyAssignments_Term");
            assignment.HasIndex(a => new { a.TenantId, a.ContentItemId });
        });
    }
}
