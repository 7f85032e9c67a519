using Microsoft.EntityFrameworkCore;

namespace Portal.Procedures.Models;

internal static class ProceduresModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PublishedProcedure>(procedure =>
        {
            procedure.ToTable("ProceduresPublished");
            procedure.HasKey(p => p.Id);
            procedure.Property(p => p.ContentItemId).HasMaxLength(64).IsRequired();
            procedure.Property(p => p.Slug).HasMaxLength(200).IsRequired();
            procedure.Property(p => p.Code).HasMaxLength(40).IsRequired();
            procedure.Property(p => p.Name).HasMaxLength(500).IsRequired();
            procedure.Property(p => p.NameFolded).HasMaxLength(500).IsRequired();
            procedure.Property(p => p.Field).HasMaxLength(200).IsRequired();
            procedure.Property(p => p.Level).HasConversion<string>().HasMaxLength(20);
            procedure.Property(p => p.Agency).HasMaxLength(300).IsRequired();
            procedure.Property(p => p.OnlineLevel).HasConversion<string>().HasMaxLength(20);
            procedure.Property(p => p.Data).IsRequired();
            procedure.HasIndex(p => new { p.TenantId, p.ContentItemId }).IsUnique();
            procedure.HasIndex(p => new { p.TenantId, p.Slug });
            procedure.HasIndex(p => new { p.TenantId, p.Code });

            // Shared procedures are read by (province, level), then narrowed by field.
            procedure.HasIndex(p => new { p.TenantId, p.Level, p.Field });
            procedure.HasIndex(p => new { p.TenantId, p.Agency });
            procedure.HasIndex(p => new { p.TenantId, p.OnlineLevel });
            procedure.HasIndex(p => new { p.TenantId, p.NameFolded });
        });

        modelBuilder.Entity<ProcedureIndexEntry>(entry =>
        {
            entry.ToTable("ProceduresIndex");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.ContentItemId).HasMaxLength(64).IsRequired();
            entry.Property(e => e.Code).HasMaxLength(40).IsRequired();
            entry.Property(e => e.NameFolded).HasMaxLength(500).IsRequired();
            entry.Property(e => e.Field).HasMaxLength(200).IsRequired();
            entry.Property(e => e.Level).HasConversion<string>().HasMaxLength(20);
            entry.Property(e => e.OnlineLevel).HasConversion<string>().HasMaxLength(20);
            entry.HasIndex(e => new { e.TenantId, e.ContentItemId }).IsUnique();
            entry.HasIndex(e => new { e.TenantId, e.Code });
        });
    }
}
