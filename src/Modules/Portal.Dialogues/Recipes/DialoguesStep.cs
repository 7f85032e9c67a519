using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Contents;
using Portal.Core.Html;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Dialogues.Models;
using Portal.Dialogues.Services;

namespace Portal.Dialogues.Recipes;

/// <summary>
/// <c>{ "name": "dialogues", "items": [ ... ] }</c>: dialogues with their questions and answers,
/// for the demo and for moving an older portal's archive in. Times are relative to the day the
/// recipe runs (<c>startInDays</c>, <c>startTime</c> in Vietnam time, <c>durationMinutes</c>,
/// <c>questionsCloseMinutesBefore</c>), so an "upcoming" demo stays upcoming. The dialogue goes
/// through the content lifecycle (published); its stage then follows its plan, as the stage job
/// would set it; its questions are the module's rows, the published ones numbered in the order
/// given. Idempotent by id: a dialogue the site already has is left as it is.
/// </summary>
internal sealed class DialoguesStep(TimeProvider clock) : IRecipeStep
{
    private static readonly string[] Known = ["id", "title", "slug", "description", "startInDays", "startTime", "durationMinutes", "questionsCloseMinutesBefore", "guests", "moderator", "videoUrl", "questions"];

    private static readonly string[] QuestionFields = ["text", "sender", "showName", "status", "guest", "answer", "typedBySecretary", "videoAt", "minutesAfterStart"];

    private static readonly string[] Statuses = ["submitted", "accepted", "published"];

    public string Name => "dialogues";

    public void Validate(JsonObject step, RecipeProblems problems)
    {
        StepReader.OnlyKnown(step, problems, "items");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in StepReader.Objects(step, "items", problems, required: true))
        {
            var id = StepReader.String(item, "id", problems, required: true);
            var p = problems.For($"dialogue '{id}'");
            StepReader.OnlyKnown(item, p, Known);
            if (id is not null && (!ContentIds.IsValid(id) || !ids.Add(id)))
            {
                p.Add("'id' must be a content id (letters, digits, . _ -) used once.");
            }

            if (Number(item, "startInDays") is null || Number(item, "durationMinutes") is not > 0)
            {
                p.Add("'startInDays' (a whole number of days from today, negative for the past) and 'durationMinutes' (> 0) are required.");
            }

            if (StepReader.String(item, "startTime", p) is { } time && !TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                p.Add("'startTime' must be HH:mm (Vietnam time).");
            }

            var problemsList = new List<DialogueProblem>();
            DialogueEnvelope.Read(Envelope(item, DateTime.UtcNow), new HtmlSanitizer(), problemsList);
            foreach (var problem in problemsList)
            {
                p.Add($"'{problem.Field}': {problem.Message}");
            }

            var guests = StepReader.Objects(item, "guests").Select(g => StepReader.String(g, "name")?.Trim()).ToHashSet();
            var index = 0;
            foreach (var question in StepReader.Objects(item, "questions", p))
            {
                var q = p.For($"question {++index}");
                StepReader.OnlyKnown(question, q, QuestionFields);
                if (DialogueQuestionRules.TextProblem(DialogueQuestionRules.CleanText(StepReader.String(question, "text", q, required: true))) is { } problem)
                {
                    q.Add($"'text': {problem}");
                }

                var status = StepReader.String(question, "status", q) ?? "published";
                if (!Statuses.Contains(status))
                {
                    q.Add($"'status' must be one of {string.Join(", ", Statuses)}.");
                }

                if (status == "published")
                {
                    if (!guests.Contains(StepReader.String(question, "guest", q, required: true)?.Trim()))
                    {
                        q.Add("'guest' must be the name of one of the dialogue's guests.");
                    }

                    if (string.IsNullOrWhiteSpace(StepReader.String(question, "answer", q, required: true)))
                    {
                        q.Add("'answer' is required for a published question.");
                    }

                    if (StepReader.String(question, "videoAt", q) is { } at && DialogueVideo.Parse(at) is null)
                    {
                        q.Add("'videoAt' must be a time in the video (h:mm:ss or mm:ss).");
                    }
                }
            }
        }
    }

    public async Task ExecuteAsync(JsonObject step, RecipeContext context, CancellationToken cancellationToken)
    {
        if (!context.Tenant.HasFeature(DialogueContent.FeatureId))
        {
            throw new InvalidOperationException($"the site does not have the feature {DialogueContent.FeatureId} that the dialogues step needs (enable it in an earlier feature step).");
        }

        var services = context.Services;
        var db = services.GetRequiredService<PortalDbContext>();
        var contents = services.GetRequiredService<ContentManager>();
        var sanitizer = services.GetRequiredService<HtmlSanitizer>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var item in StepReader.Objects(step, "items"))
        {
            var id = StepReader.String(item, "id")!;
            if (await db.Set<ContentItem>().AsNoTracking().AnyAsync(c => c.ContentItemId == id, cancellationToken))
            {
                continue;
            }

            var problems = new List<DialogueProblem>();
            var input = DialogueEnvelope.Read(Envelope(item, now), sanitizer, problems)
                ?? throw new InvalidOperationException(string.Join(" ", problems.Select(p => p.Message)));
            var slug = input.Slug ?? DialogueSlugs.FromTitle(input.Title);
            await contents.UpsertAsync(new ContentUpsert(DialogueContent.ContentType, id, DialogueSlugs.Draft(input, slug), true, ContentActor.System) { Reason = "công thức: đối thoại trực tuyến" }, cancellationToken);
            await services.GetRequiredService<DialogueStages>().ApplyPlanAsync(cancellationToken);
            await AddQuestionsAsync(db, id, input.Fields, item, cancellationToken);
        }
    }

    private static async Task AddQuestionsAsync(PortalDbContext db, string dialogueId, DialogueFields fields, JsonObject item, CancellationToken cancellationToken)
    {
        var dialogue = await db.Set<Dialogue>().SingleAsync(d => d.ContentItemId == dialogueId, cancellationToken);
        var order = 0;
        var submitted = fields.StartUtc.AddDays(-3);
        foreach (var entry in StepReader.Objects(item, "questions"))
        {
            order++;
            var status = StepReader.String(entry, "status") ?? "published";
            var text = DialogueQuestionRules.CleanText(StepReader.String(entry, "text"))!;
            var sender = DialogueQuestionRules.CleanLine(StepReader.String(entry, "sender")) ?? "";
            var question = new DialogueQuestion
            {
                DialogueId = dialogueId,
                Text = text,
                OriginalText = text,
                SenderName = sender,
                ShowName = sender.Length > 0 && entry["showName"] is JsonValue show && show.TryGetValue<bool>(out var shown) && shown,
                State = status switch
                {
                    "submitted" => DialogueQuestionState.Submitted,
                    "accepted" => DialogueQuestionState.Accepted,
                    _ => DialogueQuestionState.Published,
                },
                SortOrder = order,
                SubmittedUtc = submitted.AddMinutes(order * 37),
                UpdatedUtc = submitted.AddMinutes(order * 37),
            };
            if (question.State == DialogueQuestionState.Published)
            {
                var answered = fields.StartUtc.AddMinutes(Number(entry, "minutesAfterStart") ?? order * 8);
                question.GuestName = StepReader.String(entry, "guest")!.Trim();
                question.AnswerText = DialogueQuestionRules.CleanText(StepReader.String(entry, "answer"));
                question.AnswerTypedBy = ContentActor.System.UserName;
                question.TypedBySecretary = entry["typedBySecretary"] is not JsonValue typed || !typed.TryGetValue<bool>(out var byGuest) || byGuest;
                question.VideoSeconds = DialogueVideo.Parse(StepReader.String(entry, "videoAt"));
                question.AnsweredUtc = answered;
                question.PublishedUtc = answered.AddMinutes(1);
                question.UpdatedUtc = answered.AddMinutes(1);
                question.Sequence = ++dialogue.LastSequence;
            }

            db.Add(question);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The item as envelope fields, its times computed from today.</summary>
    private static JsonObject Envelope(JsonObject item, DateTime nowUtc)
    {
        var fields = new JsonObject();
        foreach (var name in new[] { "title", "slug", "description", "moderator", "videoUrl" })
        {
            if (item[name] is { } value)
            {
                fields[name] = value.DeepClone();
            }
        }

        if (item["guests"] is { } guests)
        {
            fields["guests"] = guests.DeepClone();
        }

        if (Number(item, "startInDays") is { } days && Number(item, "durationMinutes") is { } minutes)
        {
            var time = TimeOnly.TryParseExact(StepReader.String(item, "startTime") ?? "08:00", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : new TimeOnly(8, 0);
            var today = DateOnly.FromDateTime(VietnamTime.FromUtc(nowUtc));
            var start = VietnamTime.ToUtc(today.AddDays(days).ToDateTime(time))!.Value;
            fields["startUtc"] = start.ToString("O", CultureInfo.InvariantCulture);
            fields["endUtc"] = start.AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture);
            if (Number(item, "questionsCloseMinutesBefore") is { } before)
            {
                fields["questionsCloseUtc"] = start.AddMinutes(-before).ToString("O", CultureInfo.InvariantCulture);
            }
        }

        return fields;
    }

    private static int? Number(JsonObject item, string name) =>
        item[name] is JsonValue value && value.TryGetValue<int>(out var n) && n is > -36500 and < 36500 ? n : null;
}
