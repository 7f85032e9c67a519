using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Taxonomies.Models;
using Portal.Taxonomies.Services;

namespace Portal.Taxonomies;

internal sealed class Startup : ModuleStartup
{
    public override IEnumerable<string> ReservedSegments => ["the"];

    public static readonly Permission ManageTaxonomies = new("ManageTaxonomies", "Quản lý thẻ (đổi tên, gộp, xóa)", "Editor", "Approver");

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TermQueries>();
        services.AddScoped<IContentEventHandler, TagIndexer>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => TaxonomyModel.Configure(modelBuilder);

    public override IEnumerable<Permission> Permissions => [ManageTaxonomies];

    public override IEnumerable<MenuEntry> AdminMenu => [new("Thẻ", "~/admin/taxonomies", 40, ManageTaxonomies.Name)];
}
