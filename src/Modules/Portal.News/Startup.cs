using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Recipes;
using Portal.Core.Search;
using Portal.Core.Security;
using Portal.Core.Syndication;
using Portal.News.Models;
using Portal.News.Services;

namespace Portal.News;

internal sealed class Startup : ModuleStartup
{
    public override IEnumerable<string> ReservedSegments => ["tin-tuc", "tin-cac-don-vi"];

    // The editorial board's rights (docs/domain.md): reporters write and submit, editors edit anyone's
    // work, the board head approves and publishes.
    public static readonly Permission CreateNews = new("CreateNews", "Viết tin bài và gửi duyệt", "Reporter", "Editor", "Approver");
    public static readonly Permission EditAnyNews = new("EditAnyNews", "Biên tập tin bài của người khác", "Editor", "Approver");
    public static readonly Permission ApproveNews = new("ApproveNews", "Duyệt tin bài", "Approver");
    public static readonly Permission PublishNews = new("PublishNews", "Xuất bản, gỡ, hẹn giờ đăng tin bài; xuất bản không qua duyệt (phải nêu lý do)", "Approver");
    public static readonly Permission ManageRoyalties = new("ManageRoyalties", "Đặt mức và xem, xuất báo cáo nhuận bút", "Approver");
    public static readonly Permission ModerateComments = new("ModerateComments", "Duyệt ý kiến bạn đọc", "Editor", "Approver");
    public static readonly Permission ManageNewsCategories = new("ManageNewsCategories", "Quản lý chuyên mục tin", "Approver");

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NewsQueries>();
        services.AddSingleton(new HomeBlock("NewsHome", 10, "Portal.News"));

        // Up the hierarchy: the news of the sites below (one named cross-tenant read), the pages
        // above evicted when a site below publishes, and an article offered to the site above.
        services.AddScoped<DescendantNews>();
        services.AddSingleton(new HomeBlock("SitesBelowNews", 11, "Portal.News"));
        services.AddScoped<IContentEventHandler, AncestorNewsEviction>();
        services.AddScoped<NewsOffers>();
        services.AddScoped<RoyaltyReport>();
        services.AddScoped<CommentStore>();

        // Readers' comments: a few per address and minute, so a script cannot flood the moderators.
        services.AddRateLimiter(options => options.AddPolicy(Controllers.NewsController.CommentRateLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1) })));
        services.AddSingleton<ViewCounter>();
        services.AddHostedService(sp => sp.GetRequiredService<ViewCounter>());
        services.AddSingleton<IRecipeStep, NewsCategoriesStep>();
        services.AddSearchSource<NewsSearch>();
        services.AddContentType<NewsImporter, NewsProjection>(new ContentTypeDefinition(NewsFields.ContentType, "Tin bài", "Portal.News", "~/admin/news/{0}",
            new ContentTypePermissions(CreateNews.Name, EditAnyNews.Name, ApproveNews.Name, PublishNews.Name))
        {
            PublicPath = NewsAddresses.Article("{category}", "{slug}"),
            AdminLinks = [("Viết tin bài", "~/admin/news/create", null)],
            FieldLabels =
            [
                ("summary", "Sapo"), ("body", "Nội dung"), ("category", "Chuyên mục"), ("tags", "Từ khóa"), ("author", "Tác giả"),
                ("photographer", "Ảnh"), ("source", "Nguồn"), ("featuredImage", "Ảnh đại diện"), ("featuredImageAlt", "Mô tả ảnh"),
                ("featuredImageCaption", "Chú thích ảnh"), ("featured", "Tin nổi bật"), ("royaltyClass", "Loại nhuận bút"),
            ],
        });
        services.AddScoped<NewsSyndication>();
        services.AddScoped<ISitemapSource>(sp => sp.GetRequiredService<NewsSyndication>());
        services.AddScoped<IFeedSource>(sp => sp.GetRequiredService<NewsSyndication>());
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => NewsModel.Configure(modelBuilder);

    public override IEnumerable<Permission> Permissions => [CreateNews, EditAnyNews, ApproveNews, PublishNews, ManageRoyalties, ModerateComments, ManageNewsCategories];

    public override IEnumerable<MenuEntry> MainMenu => [new("Tin tức", "~/tin-tuc", 20)];

    public override IEnumerable<MenuEntry> AdminMenu =>
    [
        new("Tin bài", "~/admin/news", 10, CreateNews.Name),
        new("Nhuận bút", "~/admin/news/royalties", 15, ManageRoyalties.Name),
        new("Ý kiến bạn đọc", "~/admin/news/comments", 16, ModerateComments.Name),
    ];
}
