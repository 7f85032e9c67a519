using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Setup;
using Portal.Core.Tenancy;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real host (Program) on a real database, with one extra setup step that fails on demand,
/// and optionally a test's own services (real implementations of a kernel interface, registered
/// after the modules' own).
/// </summary>
public sealed class PortalFactory(TestDatabase database, Action<IServiceCollection>? extraServices = null) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Passw0rd!";

    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(Database.Settings));
        builder.ConfigureServices(services =>
        {
            services.AddScoped<ITenantSetupStep, FailOnDemandSetupStep>();
            extraServices?.Invoke(services);
        });
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public Task<Tenant> ProvisionAsync(string name, string level = "Commune", string parent = Tenant.DefaultName, string? prefix = null, params string[] hosts) =>
        Service<TenantManager>().ProvisionAsync(new TenantRequest
        {
            Name = name,
            DisplayName = "Xã " + name,
            Level = level,
            Parent = parent,
            Prefix = prefix,
            Hosts = hosts,
        });
}

/// <summary>Fails the setup of any tenant whose name starts with "fail-", after other steps wrote rows.</summary>
internal sealed class FailOnDemandSetupStep : ITenantSetupStep
{
    public string FeatureId => "Portal.Users";

    public int Order => 1000;

    public Task ExecuteAsync(TenantSetupContext context, CancellationToken cancellationToken) =>
        context.Tenant.Name.StartsWith("fail-", StringComparison.Ordinal)
            ? throw new InvalidOperationException("Setup failed on purpose.")
            : Task.CompletedTask;
}
