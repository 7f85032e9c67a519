using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Tenants;

internal sealed class Startup : ModuleStartup
{
    public static readonly Permission ManageTenants = new("ManageTenants", "Tạo và quản lý các trang thành phần trực thuộc");

    public override IEnumerable<Permission> Permissions => [ManageTenants];

    public override IEnumerable<MenuEntry> AdminMenu => [new("Trang thành phần", "~/admin/tenants", 800, ManageTenants.Name)];
}
