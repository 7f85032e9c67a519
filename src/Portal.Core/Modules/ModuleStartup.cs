using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Core.Modules;

/// <summary>
/// A module's one entry point, found by reflection. Services go into the single process-wide
/// container; endpoints mapped in <see cref="MapRoutes"/> carry the module's feature so that a
/// tenant without the feature answers 404 on them.
/// </summary>
public abstract class ModuleStartup
{
    /// <summary>Set by the catalog: the feature this startup belongs to (the assembly's first feature).</summary>
    public string FeatureId { get; internal set; } = "";

    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Entity configuration for this module's own tables (never another module's).</summary>
    public virtual void ConfigureModel(ModelBuilder modelBuilder)
    {
    }

    /// <summary>Minimal-API endpoints; MVC controllers in the module are discovered without this.</summary>
    public virtual void MapRoutes(IEndpointRouteBuilder routes)
    {
    }

    /// <summary>
    /// The first URL segments this module's routes use (<c>tin-tuc</c>, <c>the</c>): no site may take
    /// one as its prefix, or the module's page would be hidden on the default site. Every literal
    /// first segment of the module's endpoints must be here or among the kernel's
    /// (<see cref="Tenancy.TenantNames.KernelReserved"/>); a test checks the endpoint table.
    /// </summary>
    public virtual IEnumerable<string> ReservedSegments => [];

    public virtual IEnumerable<Permission> Permissions => [];

    public virtual IEnumerable<MenuEntry> AdminMenu => [];

    public virtual IEnumerable<MenuEntry> MainMenu => [];
}
