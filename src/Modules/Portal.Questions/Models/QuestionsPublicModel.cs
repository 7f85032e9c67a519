using Microsoft.EntityFrameworkCore;

namespace Portal.Questions.Models;

/// <summary>The public pages' additions: the list's folded text column and its filters' indexes, and the visitors' ratings.</summary>
internal static class QuestionsPublicModel
{
    public const int VisitorIdLength = 32;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PublishedQuestion>(p =>
        {
            p.Property(x => x.SearchFolded).IsRequired();

            // /hoi-dap?field= and ?agency=, and the filters' lists of values that occur.
            p.HasIndex(x => new { x.TenantId, x.Field });
            p.HasIndex(x => new { x.TenantId, x.Agency });
        });

        modelBuilder.Entity<QuestionRating>(r =>
        {
            r.ToTable("QuestionRatings");
            r.HasKey(x => x.Id);
            r.Property(x => x.ContentItemId).HasMaxLength(64).IsRequired();
            r.Property(x => x.VisitorId).HasMaxLength(VisitorIdLength).IsRequired();
            r.Property(x => x.Agency).HasMaxLength(QuestionsModel.AgencyLength).IsRequired();

            // One vote per visitor and answer; a race between two posts loses on this index.
            r.HasIndex(x => new { x.TenantId, x.ContentItemId, x.VisitorId }).IsUnique();

            // The statistics' ratings per agency.
            r.HasIndex(x => new { x.TenantId, x.Agency });
        });
    }
}
