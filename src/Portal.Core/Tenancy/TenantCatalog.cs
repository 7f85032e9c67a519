using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Persistence;

namespace Portal.Core.Tenancy;

/// <summary>
/// All tenants, held in memory as one immutable snapshot that is swapped whole on reload.
/// Reading it is lock-free; this is what keeps a request's tenant resolution cheap at thousands of sites.
/// </summary>
public sealed class TenantCatalog : IDatabaseChangeCheck
{
    private const string TenantsChanged = "tenants";

    private readonly IServiceScopeFactory scopes;
    private readonly IOutputCacheStore? cache;
    private readonly Caching.ClusterEvents? cluster;

    /// <param name="cache">This process's output cache: a site written here shows at once. Other processes evict on the signal <see cref="TenantManager"/> writes with the change.</param>
    public TenantCatalog(IServiceScopeFactory scopes, IOutputCacheStore? cache = null, Caching.ClusterEvents? cluster = null)
    {
        this.scopes = scopes;
        this.cache = cache;
        this.cluster = cluster;

        // Another node changed a site: reload now rather than at the next periodic check.
        if (cluster is not null)
        {
            cluster.Received += message =>
            {
                if (message == TenantsChanged)
                {
                    _ = ReloadQuietlyAsync();
                }
            };
        }
    }

    private volatile Snapshot _snapshot = Snapshot.Empty;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly Lock _applyLock = new();
    private long _version;

    public IReadOnlyList<Tenant> All => _snapshot.Tenants;

    public TenantResolver Resolver => _snapshot.Resolver;

    /// <summary>A cheap fingerprint of the tenants table, used to notice changes made by another process.</summary>
    internal (int Count, DateTime LastUpdate) Stamp => _snapshot.Stamp;

    public Tenant? FindByName(string name) =>
        _snapshot.ByName.TryGetValue(name, out var tenant) ? tenant : null;

    public Tenant? FindById(int id) =>
        _snapshot.ById.TryGetValue(id, out var tenant) ? tenant : null;

    public Tenant? Default => FindByName(Tenant.DefaultName);

    /// <summary>The chain from a tenant's parent up to the root (nearest first).</summary>
    public IEnumerable<Tenant> Ancestors(Tenant tenant)
    {
        var seen = new HashSet<int> { tenant.Id };
        var current = tenant.ParentId is int p ? FindById(p) : null;
        while (current is not null && seen.Add(current.Id))
        {
            yield return current;
            current = current.ParentId is int next ? FindById(next) : null;
        }
    }

    /// <summary>
    /// Every site below a tenant (children, their children, ...), parents before their children;
    /// from the snapshot's children index, so a province with thousands of communes costs no query.
    /// </summary>
    public IEnumerable<Tenant> Descendants(Tenant tenant)
    {
        var children = _snapshot.Children;
        var seen = new HashSet<int> { tenant.Id };
        var pending = new Queue<int>([tenant.Id]);
        while (pending.Count > 0)
        {
            foreach (var child in children[pending.Dequeue()])
            {
                if (seen.Add(child.Id))
                {
                    yield return child;
                    pending.Enqueue(child.Id);
                }
            }
        }
    }

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var versionBeforeRead = Volatile.Read(ref _version);
            var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
            lock (_applyLock)
            {
                // A change this process applied while the table was being read is newer than the
                // read: keep it; the next refresh picks up whatever else changed.
                if (_version == versionBeforeRead)
                {
                    _snapshot = new Snapshot(tenants);
                }
            }
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    private async Task ReloadQuietlyAsync()
    {
        try
        {
            await ReloadAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            // The periodic refresher will try again.
        }
    }

    /// <summary>Reloads when the table's fingerprint (count, latest update) differs from the snapshot's: another process wrote.</summary>
    string IDatabaseChangeCheck.Checked => "the tenants table";

    Task IDatabaseChangeCheck.RefreshIfChangedAsync(PortalDbContext db, CancellationToken cancellationToken) => RefreshIfChangedAsync(db, cancellationToken);

    internal async Task RefreshIfChangedAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var count = await db.Tenants.CountAsync(cancellationToken);
        var last = count == 0 ? DateTime.MinValue : await db.Tenants.MaxAsync(t => t.UpdatedUtc, cancellationToken);
        if ((count, last) != Stamp)
        {
            await ReloadAsync(cancellationToken);
        }
    }

    /// <summary>Puts a tenant written by this process into the snapshot without re-reading the table.</summary>
    internal void Apply(Tenant tenant)
    {
        lock (_applyLock)
        {
            var tenants = _snapshot.Tenants.Where(t => t.Id != tenant.Id).Append(tenant).OrderBy(t => t.Id).ToList();
            _snapshot = new Snapshot(tenants);
            _version++;
            EvictHere(tenant.Id);
            cluster?.Publish(TenantsChanged);
        }
    }

    internal void Remove(int id)
    {
        lock (_applyLock)
        {
            _snapshot = new Snapshot([.. _snapshot.Tenants.Where(t => t.Id != id)]);
            _version++;
            EvictHere(id);
            cluster?.Publish(TenantsChanged);
        }
    }

    private void EvictHere(int tenantId) =>
        _ = cache?.EvictByTagAsync(Caching.PublicPageCachePolicy.TenantTag(tenantId), CancellationToken.None).AsTask();

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new([]);

        public Snapshot(List<Tenant> tenants)
        {
            Tenants = tenants;
            ById = tenants.ToDictionary(t => t.Id);
            ByName = tenants.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
            Resolver = new TenantResolver(tenants);
            Children = tenants.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value);
            Stamp = (tenants.Count, tenants.Count == 0 ? DateTime.MinValue : tenants.Max(t => t.UpdatedUtc));
        }

        public IReadOnlyList<Tenant> Tenants { get; }
        public Dictionary<int, Tenant> ById { get; }
        public Dictionary<string, Tenant> ByName { get; }
        public TenantResolver Resolver { get; }
        public ILookup<int, Tenant> Children { get; }
        public (int Count, DateTime LastUpdate) Stamp { get; }
    }
}
