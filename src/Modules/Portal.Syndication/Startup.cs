using Portal.Core.Modules;
using Portal.Core.Navigation;

namespace Portal.Syndication;

internal sealed class Startup : ModuleStartup
{
    public override IEnumerable<MenuEntry> MainMenu => [new("Sơ đồ cổng", "~/so-do-cong", 95)];
}
