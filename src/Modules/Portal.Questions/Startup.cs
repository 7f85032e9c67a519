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
using Portal.Questions.Models;
using Portal.Questions.Services;

namespace Portal.Questions;

internal sealed class Startup : ModuleStartup
{
    public const string SubmitRateLimit = "questions-submit";

    public const string LookupRateLimit = "questions-lookup";

    public const string RatingRateLimit = "questions-rating";

    public override IEnumerable<string> ReservedSegments => ["hoi-dap"];

    /// <summary>The editorial board's triage: accept, reject, merge, assign, transfer, extend.</summary>
    public static readonly Permission ManageQuestions = new("ManageQuestions", "Tiếp nhận, phân loại và chuyển xử lý câu hỏi của người dân", "Editor", "Approver");

    /// <summary>Agency responders: draft the answers of the questions their site or unit holds.</summary>
    public static readonly Permission AnswerQuestions = new("AnswerQuestions", "Soạn câu trả lời cho câu hỏi được giao", "Responder", "Editor", "Approver");

    public static readonly Permission ApproveAnswers = new("ApproveAnswers", "Duyệt câu trả lời", "Approver");

    public static readonly Permission PublishAnswers = new("PublishAnswers", "Gửi và công khai câu trả lời", "Approver");

    public static readonly Permission ViewQuestionStatistics = new("ViewQuestionStatistics", "Xem thống kê hỏi đáp", "Editor", "Approver");

    internal static ContentTypePermissions AnswerPermissions => new(AnswerQuestions.Name, AnswerQuestions.Name, ApproveAnswers.Name, PublishAnswers.Name);

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AttachmentStorage>();
        services.AddScoped<QuestionIntake>();
        services.AddScoped<QuestionLookup>();
        services.AddScoped<AnswerWriter>();
        services.AddScoped<QuestionDesk>();
        services.AddScoped<QuestionQueries>();
        services.AddScoped<IAdminMenuCount, TriageMenuCount>();
        services.AddScoped<IAdminMenuCount, InboxMenuCount>();
        services.AddScoped<QuestionRelays>();
        services.AddScoped<QuestionRelayReceiver>();
        services.AddScoped<IContentEventHandler, QuestionAnswerEvents>();
        services.AddScheduledJob<QuestionRelayJob>();
        services.AddScheduledJob<QuestionReminderJob>();
        services.AddSearchSource<AnswerSearch>();
        services.AddContentType<QuestionImporter, QuestionProjection>(new ContentTypeDefinition(
            QuestionContent.ContentType, "Hỏi đáp", QuestionContent.FeatureId, "~/admin/hoi-dap/tra-loi/{0}", AnswerPermissions)
        {
            PublicPath = "~/hoi-dap/{slug}",
            FieldLabels = [("question", "Câu hỏi"), ("answer", "Trả lời"), ("agency", "Cơ quan trả lời"), ("answerer", "Người trả lời"), ("field", "Lĩnh vực")],
        });
        AddPublicPages(services);

        services.Configure<QuestionSettings>(configuration.GetSection(QuestionSettings.Section));
        services.AddSingleton<QuestionClientLimits>();
        services.AddScoped<QuestionApiQueries>();
        services.AddScoped<QuestionApiChallengeGate>();
        services.AddRateLimiter(options =>
        {
            // Per site and address: a citizen's few questions always pass, a script's flood does not.
            // A bearer call to the API is let through here and limited per client once its token is
            // validated (QuestionsApiController): this limiter runs before authentication, and an
            // integrator sends every citizen's question from one address. A bad token is a 401.
            options.AddPolicy(SubmitRateLimit, context => PublicRateLimits.PerSiteAndAddress(
                context,
                context.RequestServices.GetRequiredService<IOptions<QuestionSettings>>().Value.SubmissionsPerAddressPerHour,
                TimeSpan.FromHours(1),
                exceptBearerApiCalls: true));

            // Looking codes up: generous for a person, far too slow to walk the code space.
            options.AddPolicy(LookupRateLimit, context => PublicRateLimits.PerSiteAndAddress(
                context,
                context.RequestServices.GetRequiredService<IOptions<QuestionSettings>>().Value.LookupsPerAddressPerMinute,
                TimeSpan.FromMinutes(1)));

            // Ratings: a reader's few votes always pass; one address cannot flood the counts.
            options.AddPolicy(RatingRateLimit, context => PublicRateLimits.PerSiteAndAddress(context, 30, TimeSpan.FromMinutes(1)));
        });
    }

    /// <summary>The public list and answer pages, the ratings, the sitemap, the board's statistics and the recipe step.</summary>
    private static void AddPublicPages(IServiceCollection services)
    {
        services.AddScoped<QuestionList>();
        services.AddScoped<QuestionRatings>();
        services.AddScoped<QuestionStatistics>();
        services.AddScoped<ISitemapSource, QuestionSitemap>();
        services.AddSingleton<IRecipeStep, Recipes.QuestionsStep>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => QuestionsModel.Configure(modelBuilder);

    public override IEnumerable<Permission> Permissions => [ManageQuestions, AnswerQuestions, ApproveAnswers, PublishAnswers, ViewQuestionStatistics];

    public override IEnumerable<MenuEntry> MainMenu => [new("Hỏi đáp", "~/hoi-dap", 60)];

    public override IEnumerable<MenuEntry> AdminMenu =>
    [
        new("Hỏi đáp: tiếp nhận", "~/admin/hoi-dap", 300, ManageQuestions.Name),
        new("Hỏi đáp: câu hỏi được giao", "~/admin/hoi-dap/duoc-giao", 301, AnswerQuestions.Name),
        new("Hỏi đáp: đến hạn, quá hạn", "~/admin/hoi-dap/qua-han", 302, ManageQuestions.Name),
        new("Hỏi đáp: thống kê", "~/admin/hoi-dap/thong-ke", 303, ViewQuestionStatistics.Name),
    ];
}
