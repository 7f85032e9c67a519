using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Services;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Contents;

internal sealed class Startup : ModuleStartup
{
    // Seeing the shared list; what each person may do with an item is still decided by its type's
    // own permissions (ContentTypeDefinition.EditPermission / PublishPermission).
    public static readonly Permission ListContent = new("ListContent", "Xem danh sách nội dung của mọi loại (phóng viên: nội dung của mình)", "Reporter", "Editor", "Approver");

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ContentTypes>();
        services.AddScoped<ContentListQueries>();
    }

    public override IEnumerable<Permission> Permissions => [ListContent];

    public override IEnumerable<MenuEntry> AdminMenu => [new("Tất cả nội dung", "~/admin/contents", 5, ListContent.Name)];
}
