using Microsoft.EntityFrameworkCore;
using Portal.Core.Tenancy;

namespace Portal.Core.Persistence;

/// <summary>The kernel's own tables.</summary>
internal static class CoreModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        var tenant = modelBuilder.Entity<Tenant>();
        tenant.ToTable("Tenants");
        tenant.HasKey(t => t.Id);
        tenant.Property(t => t.Name).HasMaxLength(TenantNames.MaxLength).IsRequired();
        tenant.HasIndex(t => t.Name).IsUnique();
        tenant.Property(t => t.DisplayName).HasMaxLength(300).IsRequired();
        tenant.Property(t => t.Level).HasConversion<string>().HasMaxLength(20);
        tenant.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        tenant.Property(t => t.Prefix).HasMaxLength(TenantNames.MaxLength).IsRequired();
        tenant.Property(t => t.DefaultCulture).HasMaxLength(10).IsRequired();
        tenant.Property(t => t.Theme).HasMaxLength(100).IsRequired();
        tenant.Property(t => t.Settings).IsRequired();
        tenant.HasIndex(t => t.ParentId);

        // MAX(UpdatedUtc) is read before every tenant write and by every node's refresh loop.
        tenant.HasIndex(t => t.UpdatedUtc);
        tenant.Ignore(t => t.IsDefault);
        tenant.Property(t => t.Hosts).HasJsonStringList();
        tenant.Property(t => t.Cultures).HasJsonStringList();
        tenant.Property(t => t.Features).HasJsonStringList();

        var key = modelBuilder.Entity<DataProtectionKey>();
        key.ToTable("DataProtectionKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.FriendlyName).HasMaxLength(200).IsRequired();
        key.Property(k => k.Xml).IsRequired();

        var eviction = modelBuilder.Entity<Caching.CacheEviction>();
        eviction.ToTable("CacheEvictions");
        eviction.HasKey(e => e.Id);

        Mail.MailModel.Configure(modelBuilder);

        var search = modelBuilder.Entity<Search.SearchQueueEntry>();
        search.ToTable("SearchQueue");
        search.HasKey(e => e.Id);
        search.Property(e => e.Kind).HasConversion<int>();
        search.Property(e => e.ContentType).HasMaxLength(50).IsRequired();
        search.Property(e => e.ContentItemId).HasMaxLength(64).IsRequired();

        // PostgreSQL nodes read by transaction id, then id; pruning by age.
        search.HasIndex(e => new { e.TxId, e.Id });
        search.HasIndex(e => e.CreatedUtc);

        var job = modelBuilder.Entity<Scheduling.ScheduledJobLease>();
        job.ToTable("ScheduledJobs");
        job.HasKey(j => j.Name);
        job.Property(j => j.Name).HasMaxLength(Scheduling.JobScheduler.MaxNameLength);
        job.Property(j => j.Holder).HasMaxLength(200);
        job.Property(j => j.LastError).HasMaxLength(2000);
    }
}
