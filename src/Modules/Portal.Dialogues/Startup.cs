using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Contents;
using Portal.Core.Hosting;
using Portal.Core.Modules;
using Portal.Core.Navigation;
using Portal.Core.Recipes;
using Portal.Core.Scheduling;
using Portal.Core.Search;
using Portal.Core.Security;
using Portal.Core.Syndication;
using Portal.Core.Tenancy;
using Portal.Dialogues.Models;
using Portal.Dialogues.Services;

namespace Portal.Dialogues;

internal sealed class Startup : ModuleStartup
{
    public const string AskRateLimit = "dialogues-ask";

    public override IEnumerable<string> ReservedSegments => ["doi-thoai"];

    // The dialogue itself is content like a news article: editors prepare it, the board head publishes.
    public static readonly Permission ManageDialogues = new("ManageDialogues", "Soạn, sửa buổi đối thoại trực tuyến và gửi duyệt", "Editor", "Approver");
    public static readonly Permission PublishDialogues = new("PublishDialogues", "Duyệt, công bố, gỡ, xóa buổi đối thoại trực tuyến", "Approver");

    /// <summary>The moderator's console during the event: the questions, the guests' answers, the stage.</summary>
    public static readonly Permission ModerateDialogues = new("ModerateDialogues", "Điều phối đối thoại trực tuyến: duyệt câu hỏi, nhập và công bố câu trả lời, chuyển giai đoạn", "Editor", "Approver");

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DialogueQueries>();
        services.AddScoped<DialogueStages>();
        services.AddScoped<DialogueQuestionIntake>();
        services.AddScoped<DialogueModeration>();
        services.AddScoped<ISitemapSource, DialogueSitemap>();
        services.AddScheduledJob<DialogueStageJob>();
        services.AddSingleton<IRecipeStep, Recipes.DialoguesStep>();
        services.AddSearchSource<DialogueSearch>();
        services.AddContentType<DialogueImporter, DialogueProjection>(new ContentTypeDefinition(
            DialogueContent.ContentType, "Đối thoại trực tuyến", DialogueContent.FeatureId, "~/admin/doi-thoai/{0}/sua",
            new ContentTypePermissions(ManageDialogues.Name, ManageDialogues.Name, PublishDialogues.Name, PublishDialogues.Name))
        {
            AdminLinks = [("Thêm buổi đối thoại", "~/admin/doi-thoai/create", null)],
            PublicPath = "~/doi-thoai/{slug}",
            // A dialogue's questions and stage live in this site's own rows; a connected system may read the events, not write them.
            ApiWrites = ContentApiWrites.None,
            FieldLabels =
            [
                ("description", "Giới thiệu"), ("startUtc", "Bắt đầu"), ("endUtc", "Kết thúc"), ("questionsCloseUtc", "Hạn gửi câu hỏi"),
                ("guests", "Khách mời"), ("moderator", "Người dẫn chương trình"), ("videoUrl", "Video"),
            ],
        });

        services.Configure<DialogueSettings>(configuration.GetSection(DialogueSettings.Section));
        services.AddRateLimiter(options =>
            // Per site and address, as the Q&A form: a citizen's few questions pass, a flood does not.
            options.AddPolicy(AskRateLimit, context => PublicRateLimits.PerSiteAndAddress(
                context,
                context.RequestServices.GetRequiredService<IOptions<DialogueSettings>>().Value.QuestionsPerAddressPerHour,
                TimeSpan.FromHours(1))));
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => DialoguesModel.Configure(modelBuilder);

    public override IEnumerable<Permission> Permissions => [ManageDialogues, PublishDialogues, ModerateDialogues];

    public override IEnumerable<MenuEntry> MainMenu => [new("Đối thoại trực tuyến", "~/doi-thoai", 65)];

    public override IEnumerable<MenuEntry> AdminMenu => [new("Đối thoại trực tuyến", "~/admin/doi-thoai", 310, ManageDialogues.Name)];
}
