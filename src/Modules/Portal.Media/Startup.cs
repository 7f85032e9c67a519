using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Persistence;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Media.Models;
using Portal.Media.Services;

namespace Portal.Media;

internal sealed class Startup : ModuleStartup
{
    public override IEnumerable<string> ReservedSegments => ["media"];

    // Reporters upload the photos of their own articles, so the right is not reserved to editors.
    public static readonly Permission ManageMedia = new("ManageMedia", "Quản lý thư viện ảnh, tệp", "Reporter", "Editor", "Approver");

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MediaStorage>();
        services.AddSingleton<Portal.Core.Forms.IUploadInspector, MediaUploadInspector>();

        // MediaLibrary's constructor is internal (its parameters are), so the container gets a factory.
        services.AddScoped(sp => new MediaLibrary(
            sp.GetRequiredService<PortalDbContext>(),
            sp.GetRequiredService<MediaStorage>(),
            sp.GetRequiredService<TenantContext>(),
            sp.GetRequiredService<TimeProvider>()));
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => MediaModel.Configure(modelBuilder);

    public override IEnumerable<Permission> Permissions => [ManageMedia];

    public override IEnumerable<MenuEntry> AdminMenu => [new("Thư viện ảnh, tệp", "~/admin/media", 20, ManageMedia.Name)];
}
