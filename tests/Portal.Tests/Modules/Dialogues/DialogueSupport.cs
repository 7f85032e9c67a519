using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core;
using Portal.Core.Contents;
using Portal.Core.Forms.Challenge;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Scheduling;
using Portal.Core.Tenancy;
using Portal.Dialogues.Models;
using Portal.Dialogues.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Dialogues;

/// <summary>One host per provider with a clock the tests move and a question limit low enough to reach.</summary>
public abstract class DialogueFixture(DatabaseProvider provider) : PortalFixture(provider)
{
    public const int QuestionsPerHour = 8;

    public ShiftableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
        services.PostConfigure<DialogueSettings>(s => s.QuestionsPerAddressPerHour = QuestionsPerHour);
    }
}

public sealed class DialogueSqliteFixture() : DialogueFixture(DatabaseProvider.Sqlite);

public sealed class DialoguePostgresFixture() : DialogueFixture(DatabaseProvider.Postgres);

/// <summary>Dialogues arranged the way the application writes them: the kernel's upsert, the module's services, the public form as a browser sends it.</summary>
internal static partial class DialogueData
{
    public static readonly DialogueGuest Chairman = new() { Name = "Ông Trần Quốc Hưng", Position = "Chủ tịch UBND tỉnh", Photo = "/media/lanh-dao/chu-tich.jpg" };

    public static readonly DialogueGuest Director = new() { Name = "Bà Nguyễn Thị Minh Thư", Position = "Giám đốc Sở Tài chính" };

    public static ContentActor Moderator { get; } = new("u-btv", "btv-dieu-phoi", "10.0.0.9");

    /// <summary>Writes (and by default publishes) a dialogue; returns its content item id, "dt-{slug}".</summary>
    public static async Task<string> AddDialogueAsync(this PortalFactory factory, Tenant site, string slug, DateTime startUtc, DateTime endUtc, DateTime? closeUtc = null, bool publish = true, string? title = null, string video = "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(site);
        var input = new DialogueInput(title ?? "Đối thoại " + slug, slug, new DialogueFields
        {
            Description = "<p>Giới thiệu buổi đối thoại.</p>",
            StartUtc = startUtc,
            EndUtc = endUtc,
            QuestionsCloseUtc = closeUtc,
            Guests = [Chairman, Director],
            Moderator = "Nhà báo Phạm Thu Trang",
            VideoUrl = video,
        });
        var id = "dt-" + slug;
        await scope.ServiceProvider.GetRequiredService<ContentManager>().UpsertAsync(new ContentUpsert(DialogueContent.ContentType, id, DialogueSlugs.Draft(input, slug), publish, ContentActor.System));
        return id;
    }

    public static async Task<T> InSiteAsync<T>(this PortalFactory factory, Tenant site, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(site);
        return await work(scope.ServiceProvider);
    }

    public static Task<List<DialogueQuestion>> QuestionsAsync(this PortalFactory factory, Tenant site, string dialogueId) =>
        factory.InSiteAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<DialogueQuestion>().AsNoTracking().Where(q => q.DialogueId == dialogueId).OrderBy(q => q.Id).ToListAsync());

    public static Task<List<DialogueHistoryEntry>> HistoryAsync(this PortalFactory factory, Tenant site, string dialogueId) =>
        factory.InSiteAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<DialogueHistoryEntry>().AsNoTracking().Where(h => h.DialogueId == dialogueId).OrderBy(h => h.Id).ToListAsync());

    public static Task<Dialogue> RecordAsync(this PortalFactory factory, Tenant site, string dialogueId) =>
        factory.InSiteAsync(site, sp => sp.GetRequiredService<PortalDbContext>().Set<Dialogue>().AsNoTracking().SingleAsync(d => d.ContentItemId == dialogueId));

    /// <summary>A question taken, handed to a guest and answered through the moderation service: ready to publish.</summary>
    public static Task<int> AnsweredQuestionAsync(this PortalFactory factory, Tenant site, string dialogueId, string text, string guest = "Ông Trần Quốc Hưng") =>
        factory.InSiteAsync(site, async sp =>
        {
            var result = await sp.GetRequiredService<DialogueQuestionIntake>().SubmitAsync(
                (await sp.GetRequiredService<DialogueStages>().FindAsync(dialogueId, CancellationToken.None))!,
                new DialogueQuestionSubmission(text, "Người Hỏi", true), new ContentActor("", "", "10.1.1.1"), CancellationToken.None);
            var id = result.Question?.Id ?? throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
            var moderation = sp.GetRequiredService<DialogueModeration>();
            await moderation.AcceptAsync(dialogueId, id, Moderator, CancellationToken.None);
            await moderation.HandAsync(dialogueId, id, guest, [Chairman, Director], Moderator, CancellationToken.None);
            await moderation.AnswerAsync(dialogueId, id, "Trả lời cho: " + text, true, 125, Moderator, CancellationToken.None);
            return id;
        });

    public static async Task RunStageJobAsync(this PortalFactory factory)
    {
        var job = factory.Services.GetServices<IScheduledJob>().OfType<DialogueStageJob>().Single();
        await using var scope = factory.Services.CreateAsyncScope();
        await job.RunAsync(new ScheduledJobContext(scope.ServiceProvider, factory.Service<TenantCatalog>(), factory.Service<TenantScopeFactory>(), DateTime.UtcNow, null), CancellationToken.None);
    }

    public static Task RunRecipeAsync(this PortalFactory factory, Tenant site, JsonObject step) =>
        factory.Service<TenantManager>().RunRecipeAsync(site.Name, RecipeParser.Parse(new JsonObject { ["name"] = "test-dialogues", ["steps"] = new JsonArray(step.DeepClone()) }.ToJsonString(), "test"));

    /// <summary>The citizen's form as a browser sends it: the page's antiforgery token and its anti-bot ticket, solved.</summary>
    public static async Task<HttpResponseMessage> AskAsync(AdminClient client, string pagePath, Dictionary<string, string> fields, bool solve = true, Action? beforePost = null)
    {
        var page = await client.Http.GetStringAsync(pagePath);
        beforePost?.Invoke();
        fields["__RequestVerificationToken"] = Value(page, "__RequestVerificationToken");
        var salt = Value(page, FormChallenge.SaltField);
        var bits = int.Parse(Value(page, FormChallenge.BitsField), System.Globalization.CultureInfo.InvariantCulture);
        fields[FormChallenge.TokenField] = Value(page, FormChallenge.TokenField);
        fields[FormChallenge.SaltField] = salt;
        fields[FormChallenge.BitsField] = bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields[FormChallenge.NonceField] = solve ? FormChallengeSolver.Solve(salt, bits) : "";
        return await client.Http.PostAsync(pagePath + "/gui-cau-hoi", new FormUrlEncodedContent(fields));
    }

    public static DateTime Now(DialogueFixture fixture) => fixture.Clock.GetUtcNow().UtcDateTime;

    private static string Value(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*?value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No {name} on the form.");
    }
}
