using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Core.Modules;
using Portal.Core.Tenancy;

namespace Portal.Core.Persistence;

/// <summary>
/// The one DbContext of the installation, composed from the kernel's and every module's entity
/// configurations. Tenant isolation lives here: a query filter on <c>TenantId</c> for every
/// <see cref="ITenantOwned"/> entity, and a check on save.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options, TenantContext tenant, ModuleCatalog modules)
    : DbContext(options)
{
    /// <summary>The name of the tenant query filter, for <c>IgnoreQueryFilters([PortalDbContext.TenantFilter])</c>.</summary>
    public const string TenantFilter = "Tenant";

    /// <summary>Read by the query filters at query time (EF parameterizes this per context instance).</summary>
    public int CurrentTenantId => tenant.TenantId;

    internal ModuleCatalog Modules => modules;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        CoreModel.Configure(modelBuilder);
        Contents.ContentModel.Configure(modelBuilder);
        Calendar.CalendarModel.Configure(modelBuilder);
        foreach (var startup in modules.Startups)
        {
            startup.ConfigureModel(modelBuilder);
        }

        ApplyTenantFilters(modelBuilder);
    }

    /// <summary>
    /// Every DateTime is UTC in and out. SQLite hands dates back as Unspecified and Npgsql refuses
    /// a non-UTC value for timestamptz; one converter makes both providers behave the same.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private void ApplyTenantFilters(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null))
        {
            var row = Expression.Parameter(entity.ClrType, "row");
            var body = Expression.Equal(
                Expression.Property(row, nameof(ITenantOwned.TenantId)),
                Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
            // Named, so that a module's own filters (soft delete) add to it instead of replacing
            // it, and a [CrossTenant] service can lift this one alone.
            var builder = modelBuilder.Entity(entity.ClrType);
            builder.HasQueryFilter(TenantFilter, Expression.Lambda(body, row));

            // A concurrency token puts "AND TenantId = @original" into every UPDATE and DELETE, so
            // a hand-built row that claims the current tenant cannot touch another tenant's row.
            builder.Property(nameof(ITenantOwned.TenantId)).IsConcurrencyToken();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenantRows();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenantRows();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Stamps new tenant rows with the current tenant and refuses writes to any other tenant's rows.</summary>
    private void GuardTenantRows()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    if (entry.Entity.TenantId == 0)
                    {
                        entry.Entity.TenantId = RequireTenant(entry);
                    }
                    else if (entry.Entity.TenantId != RequireTenant(entry))
                    {
                        throw Violation(entry, entry.Entity.TenantId);
                    }

                    break;
                case EntityState.Modified:
                case EntityState.Deleted:
                    var property = entry.Property(e => e.TenantId);
                    var original = property.OriginalValue;
                    if (original != RequireTenant(entry) || property.CurrentValue != original)
                    {
                        throw Violation(entry, original);
                    }

                    break;
            }
        }
    }

    private int RequireTenant(EntityEntry entry) =>
        CurrentTenantId != 0
            ? CurrentTenantId
            : throw new TenantIsolationException($"Cannot save {entry.Metadata.ClrType.Name}: no tenant is set for this unit of work.");

    private TenantIsolationException Violation(EntityEntry entry, int rowTenant) =>
        new($"Refused to save {entry.Metadata.ClrType.Name} of tenant {rowTenant} while acting for tenant {CurrentTenantId}.");
}
