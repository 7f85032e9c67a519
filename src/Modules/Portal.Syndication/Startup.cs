using Portal.Core.Modules;
using Portal.Core.Navigation;

namespace Portal.Syndication;

internal sealed class Startup : ModuleStartup
{
    public override IEnumerable<string> ReservedSegments => ["rss", "sitemap.xml", "robots.txt", "so-do-cong"];

    public override IEnumerable<MenuEntry> MainMenu => [new("Sơ đồ cổng", "~/so-do-cong", 95)];
}
