using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portal.Core.Persistence;

/// <summary>Every row the current tenant owns, across all modules' tables, for removing a site.</summary>
internal static class TenantData
{
    /// <summary>
    /// Deletes the current tenant's rows of every <see cref="ITenantOwned"/> entity. The query
    /// filter scopes each delete to the tenant of the context; dependents go before principals.
    /// </summary>
    public static async Task DeleteAllAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (db.CurrentTenantId == 0)
        {
            throw new InvalidOperationException("No tenant is set: refusing to delete tenant data.");
        }

        var owned = db.Model.GetEntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null)
            .ToList();
        foreach (var entity in owned.OrderByDescending(e => Depth(e, owned)))
        {
            var method = typeof(TenantData).GetMethod(nameof(DeleteOfTypeAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(entity.ClrType);
            await (Task)method.Invoke(null, [db, cancellationToken])!;
        }
    }

    private static Task DeleteOfTypeAsync<T>(PortalDbContext db, CancellationToken cancellationToken)
        where T : class, ITenantOwned =>
        db.Set<T>().ExecuteDeleteAsync(cancellationToken);

    /// <summary>How many tenant-owned principals an entity hangs under: deeper ones are deleted first.</summary>
    private static int Depth(IEntityType entity, List<IEntityType> owned, int guard = 0) =>
        guard > 10 ? 0 : entity.GetForeignKeys()
            .Where(fk => owned.Contains(fk.PrincipalEntityType) && fk.PrincipalEntityType != entity)
            .Select(fk => 1 + Depth(fk.PrincipalEntityType, owned, guard + 1))
            .DefaultIfEmpty(0)
            .Max();
}
