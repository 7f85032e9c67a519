using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Persistence;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Search.Models;
using Portal.Search.Services;

namespace Portal.Search;

internal sealed class Startup : ModuleStartup
{
    public const string RateLimit = "search";

    public override IEnumerable<string> ReservedSegments => ["tim-kiem"];

    public static readonly Permission ManageSearch = new("ManageSearch", "Quản lý tìm kiếm: từ đồng nghĩa, kết quả ưu tiên, từ khóa không có kết quả", "Editor", "Approver");

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchIndexOptions>(configuration.GetSection(SearchIndexOptions.Section));

        // The node's one index, whatever sites it serves: one writer, one folder on local disk.
        services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<SearchIndexOptions>>().Value.IndexPath;
            var path = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(PortalDatabase.DataPath(sp.GetRequiredService<IOptions<PortalOptions>>().Value, sp.GetRequiredService<IHostEnvironment>().ContentRootPath), "search-index")
                : Path.GetFullPath(configured, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return new SearchIndex(path);
        });
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddScoped<ProvinceWideSearch>();
        services.AddScoped<SiteSearch>();
        services.AddMemoryCache();
        services.AddScoped<ISearchRefinements, SearchRefinements>();
        services.AddSingleton<SearchMissLog>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchMissLog>());
        services.AddScoped<SearchSynonymStore>();
        services.AddScoped<SearchBestBetStore>();
        services.AddScoped<SearchMissList>();

        services.AddRateLimiter(options =>
            // Per site and address, the page and anonymous API calls together; a token with scope
            // "search" is let through here (the limiter runs before authentication).
            options.AddPolicy(RateLimit, context => PublicRateLimits.PerSiteAndAddress(
                context,
                context.RequestServices.GetRequiredService<IOptions<SearchIndexOptions>>().Value.RequestsPerAddressPerMinute,
                TimeSpan.FromMinutes(1),
                exceptBearerApiCalls: true)));
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => SearchRefinementsModel.Configure(modelBuilder);

    public override IEnumerable<Permission> Permissions => [ManageSearch];

    public override IEnumerable<MenuEntry> AdminMenu => [new("Tìm kiếm", "~/admin/search", 800, ManageSearch.Name)];
}
