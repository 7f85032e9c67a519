using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;

namespace Portal.Core.Scheduling;

/// <summary>
/// What a run of an <see cref="IScheduledJob"/> gets: its period, the services of a scope that
/// acts for no site, and the way into each site. A job acts for a site only inside that site's
/// own scope (<see cref="OpenSite"/>), so the tenant filter and save guard hold as in a request,
/// and only on sites that have its feature (<see cref="Sites"/>): a disabled feature's background
/// work does nothing there.
/// </summary>
public sealed class ScheduledJobContext
{
    private readonly TenantCatalog _catalog;
    private readonly TenantScopeFactory _sites;

    internal ScheduledJobContext(IServiceProvider services, TenantCatalog catalog, TenantScopeFactory sites, DateTime periodStartUtc, DateTime? previousRunUtc)
    {
        Services = services;
        _catalog = catalog;
        _sites = sites;
        PeriodStartUtc = periodStartUtc;
        PreviousRunUtc = previousRunUtc;
    }

    /// <summary>A scope of this run, acting for no site (kernel services, installation-wide reads).</summary>
    public IServiceProvider Services { get; }

    /// <summary>The start of the period this run is for.</summary>
    public DateTime PeriodStartUtc { get; }

    /// <summary>The start of the last period that ran to the end, or null on the first run.</summary>
    public DateTime? PreviousRunUtc { get; }

    /// <summary>The running sites that have <paramref name="featureId"/> (every running site when null).</summary>
    public IReadOnlyList<Tenant> Sites(string? featureId) =>
        _catalog.All.Where(t => t.State == TenantState.Running && (featureId is null || t.HasFeature(featureId))).ToList();

    /// <summary>A unit of work of one site: everything resolved from it reads and writes that site's rows.</summary>
    public AsyncServiceScope OpenSite(Tenant tenant) => _sites.CreateScope(tenant);
}
