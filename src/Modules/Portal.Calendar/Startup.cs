using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Security;

namespace Portal.Calendar;

internal sealed class Startup : ModuleStartup
{
    /// <summary>No default role: the days off change every site's deadlines, so only the province's administrators (who hold everything) and whom they grant it to edit them.</summary>
    public static readonly Permission ManageHolidays = new("ManageHolidays", "Quản lý lịch ngày nghỉ lễ, Tết và ngày làm bù (dùng chung cho mọi trang)");

    public override IEnumerable<Permission> Permissions => [ManageHolidays];

    public override IEnumerable<MenuEntry> AdminMenu => [new("Ngày nghỉ lễ, Tết", "~/admin/ngay-nghi", 820, ManageHolidays.Name) { DefaultSiteOnly = true }];
}
