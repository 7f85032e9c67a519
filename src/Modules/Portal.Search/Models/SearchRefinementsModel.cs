using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;

namespace Portal.Search.Models;

/// <summary>The editors' tables: synonym groups, best bets and the queries that found nothing (migration M20261212000200).</summary>
internal static class SearchRefinementsModel
{
    public const int QueryLength = 256;
    public const int ContentTypeLength = 50;
    public const int ContentItemIdLength = 64;
    public const int TitleLength = 500;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SearchSynonymGroup>(g =>
        {
            g.ToTable("SearchSynonyms");
            g.HasKey(x => x.Id);
            g.Property(x => x.Terms).HasJsonStringList();

            // A site's groups are read whole (into the cache), never searched in SQL.
            g.HasIndex(x => x.TenantId);
        });

        modelBuilder.Entity<SearchBestBet>(b =>
        {
            b.ToTable("SearchBestBets");
            b.HasKey(x => x.Id);
            b.Property(x => x.Query).HasMaxLength(QueryLength).IsRequired();
            b.Property(x => x.NormalizedQuery).HasMaxLength(QueryLength).IsRequired();
            b.Property(x => x.ContentType).HasMaxLength(ContentTypeLength).IsRequired();
            b.Property(x => x.ContentItemId).HasMaxLength(ContentItemIdLength).IsRequired();
            b.Property(x => x.Title).HasMaxLength(TitleLength).IsRequired();

            // An item is a best bet of a query once; the index also serves reading a site's bets whole.
            // Named: the default name is longer than PostgreSQL's 63 characters.
            b.HasIndex(x => new { x.TenantId, x.NormalizedQuery, x.ContentType, x.ContentItemId }).IsUnique().HasDatabaseName("IX_SearchBestBets_TenantId_NormalizedQuery_Item");
        });

        modelBuilder.Entity<SearchMiss>(m =>
        {
            m.ToTable("SearchMisses");
            m.HasKey(x => x.Id);
            m.Property(x => x.NormalizedQuery).HasMaxLength(QueryLength).IsRequired();
            m.Property(x => x.LastQuery).HasMaxLength(QueryLength).IsRequired();

            // The flush's upsert (ON CONFLICT) needs it unique.
            m.HasIndex(x => new { x.TenantId, x.NormalizedQuery }).IsUnique();

            // The list (last 30 days) and the pruning of older rows.
            m.HasIndex(x => new { x.TenantId, x.LastSeenUtc });
        });
    }
}
