using Microsoft.EntityFrameworkCore;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Procedures.Models;

namespace Portal.Procedures.Services;

/// <summary>
/// The procedures a site shows: its own published ones, plus — for a commune or district site —
/// the published procedures of its province at the site's level, read from the province's
/// projection without copying them. Where the site has its own procedure with the same code, its
/// own wins. Read-only: the rows come back untracked and nothing here writes.
/// </summary>
[CrossTenant("Communes and districts carry out the procedures the province publishes for their level (thủ tục cấp xã/cấp huyện); they are shown on those sites from the province's published projection, read-only, without copying.")]
public sealed class ProvinceProcedureSource(PortalDbContext db, TenantContext site, TenantCatalog catalog)
{
    /// <summary>The province whose procedures this site shows, with the level they must have; null when the site shows only its own.</summary>
    public (Tenant Province, ProcedureLevel Level)? Sharing()
    {
        var tenant = site.Tenant;
        ProcedureLevel? level = tenant.Level switch
        {
            TenantLevel.Commune => ProcedureLevel.Commune,
            TenantLevel.District => ProcedureLevel.District,
            _ => null,
        };
        var province = catalog.Ancestors(tenant).FirstOrDefault(a => a.Level == TenantLevel.Province);
        return level is not null && province is { State: TenantState.Running } && province.HasFeature(ProcedureJson.FeatureId)
            ? (province, level.Value)
            : null;
    }

    /// <summary>The published procedures visible on this site, own and shared, as one query to filter and page.</summary>
    internal IQueryable<PublishedProcedure> Visible()
    {
        if (Sharing() is not { } sharing)
        {
            return db.Set<PublishedProcedure>().AsNoTracking();
        }

        var (province, level) = sharing;
        var siteId = site.TenantId;
        var provinceId = province.Id;
        var all = db.Set<PublishedProcedure>().IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking();
        return all.Where(p => p.TenantId == siteId
            || (p.TenantId == provinceId && p.Level == level && !all.Any(own => own.TenantId == siteId && own.Code == p.Code)));
    }
}
