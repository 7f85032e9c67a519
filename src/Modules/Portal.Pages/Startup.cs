using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Search;
using Portal.Core.Security;
using Portal.Core.Syndication;
using Portal.Pages.Models;
using Portal.Pages.Services;

namespace Portal.Pages;

internal sealed class Startup : ModuleStartup
{
    public override IEnumerable<string> ReservedSegments => ["trang"];

    // One permission, as before pages had a workflow: roles in the sites' databases and the
    // recipes grant it, and both roles that hold it published pages (PageWriter.PublishPermission).
    public static readonly Permission ManagePages = new("ManagePages", "Quản lý trang tĩnh", "Approver", "Editor");

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PageStore>();
        services.AddScoped<PageWriter>();
        services.AddScoped<ISitemapSource, PageSitemapSource>();
        services.AddSearchSource<PageSearch>();
        services.AddContentType<PageImporter, PageProjection>(new ContentTypeDefinition(
            PageContent.ContentType, "Trang tĩnh", PageContent.FeatureId, "~/admin/pages/{0}", PageWriter.Permissions)
        {
            AdminLinks = [("Thêm trang", "~/admin/pages/create", null)],
            PublicPath = "~/trang/{slug}",
            FieldLabels = [("body", "Nội dung")],
        });
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => PagesModel.Configure(modelBuilder);

    public override IEnumerable<Permission> Permissions => [ManagePages];

    public override IEnumerable<MenuEntry> MainMenu =>
    [
        new("Trang chủ", "~/", 0),
        new("Giới thiệu", "~/trang/gioi-thieu", 10),
        new("Liên hệ", "~/trang/lien-he", 90),
    ];

    public override IEnumerable<MenuEntry> AdminMenu => [new("Trang tĩnh", "~/admin/pages", 100, ManagePages.Name)];
}
