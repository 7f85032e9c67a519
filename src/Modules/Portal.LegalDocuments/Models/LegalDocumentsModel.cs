using Microsoft.EntityFrameworkCore;

namespace Portal.LegalDocuments.Models;

internal static class LegalDocumentsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PublishedLegalDocument>(doc =>
        {
            doc.ToTable("LegalDocumentsPublished");
            doc.HasKey(d => d.Id);
            doc.Property(d => d.ContentItemId).HasMaxLength(64).IsRequired();
            doc.Property(d => d.Culture).HasMaxLength(10).IsRequired();
            doc.Property(d => d.Slug).HasMaxLength(200).IsRequired();
            doc.Property(d => d.Title).HasMaxLength(500).IsRequired();
            doc.Property(d => d.Number).HasMaxLength(100).IsRequired();
            doc.Property(d => d.NumberFolded).HasMaxLength(100).IsRequired();
            doc.Property(d => d.DocumentType).HasMaxLength(50).IsRequired();
            doc.Property(d => d.IssuingAuthority).HasMaxLength(200).IsRequired();
            doc.Property(d => d.Field).HasMaxLength(200).IsRequired();
            doc.Property(d => d.Signer).HasMaxLength(200).IsRequired();
            doc.Property(d => d.SignerPosition).HasMaxLength(200).IsRequired();
            doc.Property(d => d.Kind).HasMaxLength(20).IsRequired();
            doc.Property(d => d.Summary).HasMaxLength(2000).IsRequired();
            doc.Property(d => d.SummaryFolded).HasMaxLength(2000).IsRequired();
            doc.HasIndex(d => new { d.TenantId, d.ContentItemId }).IsUnique();
            doc.HasIndex(d => new { d.TenantId, d.Culture, d.Slug });

            // The list's default order, and the filters that narrow most (type, field, authority,
            // year), each leading to the issue date so a filtered page is read in order, not sorted.
            // Each also carries the other short filter columns, so counting and filtering a
            // combination reads the index alone; only the page's 20 rows are read from the table
            // (the benchmark: 12,500 row reads for one type + year + field count, now none).
            doc.HasIndex(d => new { d.TenantId, d.IssuedOn });
            doc.HasIndex(d => new { d.TenantId, d.DocumentType, d.IssueYear, d.IssuedOn, d.Field, d.IssuingAuthority, d.Kind, d.Culture, d.Replaced, d.EffectiveOn, d.ExpiresOn })
                .HasDatabaseName("IX_LegalDocumentsPublished_ByType");
            doc.HasIndex(d => new { d.TenantId, d.Field, d.IssuedOn, d.DocumentType, d.IssueYear, d.IssuingAuthority, d.Kind, d.Culture, d.Replaced, d.EffectiveOn, d.ExpiresOn })
                .HasDatabaseName("IX_LegalDocumentsPublished_ByField");
            doc.HasIndex(d => new { d.TenantId, d.IssuingAuthority, d.IssuedOn, d.DocumentType, d.IssueYear, d.Field, d.Kind, d.Culture, d.Replaced, d.EffectiveOn, d.ExpiresOn })
                .HasDatabaseName("IX_LegalDocumentsPublished_ByAuthority");
            doc.HasIndex(d => new { d.TenantId, d.IssueYear, d.IssuedOn, d.DocumentType, d.Field, d.IssuingAuthority, d.Kind, d.Culture, d.Replaced, d.EffectiveOn, d.ExpiresOn })
                .HasDatabaseName("IX_LegalDocumentsPublished_ByYear");

            // Deliberately no index on EffectiveOn: without statistics SQLite's planner took it for
            // the "in effect" range filter and then sorted thousands of rows (found by the
            // benchmark); sorting by effective date sorts the filtered rows instead.

            // Number lookups: the reference resolver and the incoming relations (exact number).
            doc.HasIndex(d => new { d.TenantId, d.Number });

            // "Number contains" cannot seek; this narrow index lets the count read the folded
            // numbers alone instead of every row (found by the benchmark at 100,000 documents).
            // Culture last: leading with (TenantId, Culture) made SQLite pick it for every count.
            doc.HasIndex(d => new { d.TenantId, d.NumberFolded, d.Culture });

            // "Number contains" seeks through trigrams: a GIN pg_trgm index on PostgreSQL (a plain
            // index on SQLite, where an FTS5 trigram table does the job; see the migration).
            doc.HasIndex(d => d.NumberFolded).HasDatabaseName("IX_LegalDocumentsPublished_NumberTrigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        });

        modelBuilder.Entity<LegalDocumentRelation>(relation =>
        {
            relation.ToTable("LegalDocumentRelations");
            relation.HasKey(r => r.Id);
            relation.Property(r => r.SourceContentItemId).HasMaxLength(64).IsRequired();
            relation.Property(r => r.Kind).HasMaxLength(20).IsRequired();
            relation.Property(r => r.TargetNumber).HasMaxLength(100).IsRequired();
            relation.HasIndex(r => new { r.TenantId, r.SourceContentItemId });
            relation.HasIndex(r => new { r.TenantId, r.TargetNumber, r.Kind });
        });

        modelBuilder.Entity<LegalDocumentKey>(key =>
        {
            key.ToTable("LegalDocumentKeys");
            key.HasKey(k => k.Id);
            key.Property(k => k.ContentItemId).HasMaxLength(64).IsRequired();
            key.Property(k => k.Number).HasMaxLength(100).IsRequired();
            key.Property(k => k.NumberKey).HasMaxLength(100).IsRequired();
            key.Property(k => k.AuthorityKey).HasMaxLength(200).IsRequired();
            key.Property(k => k.DocumentType).HasMaxLength(50).IsRequired();
            key.Property(k => k.IssuingAuthority).HasMaxLength(200).IsRequired();
            key.Property(k => k.SearchFolded).HasMaxLength(2200).IsRequired();
            key.HasIndex(k => new { k.TenantId, k.ContentItemId }).IsUnique();
            key.HasIndex(k => new { k.TenantId, k.NumberKey, k.AuthorityKey });
        });
    }
}
