using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;
using Portal.Core.Syndication;
using Portal.Core.Contents;
using Portal.Pages.Models;
using Portal.Pages.Services;

namespace Portal.Pages;

internal sealed class Startup : ModuleStartup
{
    public override IEnumerable<string> ReservedSegments => ["trang"];

    public static readonly Permission ManagePages = new("ManagePages", "Quản lý trang tĩnh", "Approver", "Editor");

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PageStore>();
        services.AddSingleton<IContentImporter, PageImporter>();
        services.AddScoped<ISitemapSource, PageSitemapSource>();
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
