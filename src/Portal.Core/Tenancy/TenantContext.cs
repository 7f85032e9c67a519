namespace Portal.Core.Tenancy;

/// <summary>
/// The tenant a unit of work (a request, a CLI command, a job) acts for. Scoped: one per DI scope.
/// Everything tenant-owned reads <see cref="TenantId"/> through the DbContext's query filter.
/// </summary>
public sealed class TenantContext
{
    private Tenant? _tenant;

    public Tenant Tenant => _tenant ?? throw new InvalidOperationException("No tenant has been resolved for this scope.");

    public bool IsResolved => _tenant is not null;

    /// <summary>The current tenant's id, or 0 when none is resolved (matches no tenant-owned row).</summary>
    public int TenantId => _tenant?.Id ?? 0;

    /// <summary>The URL prefix the request came in under ("" when resolved by host or as the default).</summary>
    public string MatchedPrefix { get; private set; } = "";

    public void Set(Tenant tenant, string matchedPrefix = "")
    {
        if (_tenant is not null && _tenant.Id != tenant.Id)
        {
            throw new InvalidOperationException("A scope's tenant cannot change once set; open a new scope for another tenant.");
        }

        _tenant = tenant;
        MatchedPrefix = matchedPrefix;
    }
}
