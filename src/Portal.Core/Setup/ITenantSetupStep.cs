using Portal.Core.Tenancy;

namespace Portal.Core.Setup;

/// <summary>
/// Work a module does when a site is set up (roles, first pages). Runs inside the provisioning
/// transaction, only when the tenant has the step's feature. Must be idempotent: setting up an
/// already set-up tenant again changes nothing.
/// </summary>
public interface ITenantSetupStep
{
    string FeatureId { get; }

    int Order { get; }

    Task ExecuteAsync(TenantSetupContext context, CancellationToken cancellationToken);
}

public sealed class TenantSetupContext(Tenant tenant, IServiceProvider services)
{
    public Tenant Tenant { get; } = tenant;

    /// <summary>The provisioning scope: services here act for <see cref="Tenant"/>, in its transaction.</summary>
    public IServiceProvider Services { get; } = services;
}
