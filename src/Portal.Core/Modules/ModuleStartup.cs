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

    public virtual IEnumerable<Permission> Permissions => [];

    public virtual IEnumerable<MenuEntry> AdminMenu => [];

    public virtual IEnumerable<MenuEntry> MainMenu => [];
}
