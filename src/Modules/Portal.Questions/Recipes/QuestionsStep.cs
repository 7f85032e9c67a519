using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Calendar;
using Portal.Core.Contents;
using Portal.Core.Mail;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Core.Text;
using Portal.Questions.Models;
using Portal.Questions.Services;

namespace Portal.Questions.Recipes;

/// <summary>
/// <c>{ "name": "questions", "items": [ ... ] }</c>: citizens' questions with their whole story —
/// the case (received time, sender, field, deadlines counted on the working-day calendar, agency,
/// history) and, for an answered one, its answer published through the content lifecycle. For the
/// demo and for moving an older portal's questions in. Idempotent by tracking code: a case the site
/// already has is left as it is, and its answer is upserted (unchanged when the recipe is).
/// </summary>
internal sealed class QuestionsStep(TenantCatalog sites) : IRecipeStep
{
    private static readonly string[] Statuses = ["published", "assigned", "received", "rejected"];

    private static readonly string[] Known = ["code", "receivedUtc", "field", "sender", "showName", "title", "question", "status", "agency", "assignedSite", "originSite", "answeredUtc", "answer", "answerer", "slug", "rejection"];

    public string Name => "questions";

    public void Validate(JsonObject step, RecipeProblems problems)
    {
        StepReader.OnlyKnown(step, problems, "items");
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in StepReader.Objects(step, "items", problems, required: true))
        {
            var code = StepReader.String(item, "code", problems, required: true);
            var p = problems.For($"question '{code}'");
            StepReader.OnlyKnown(item, p, Known);
            if (code is not null && TrackingCodes.Normalize(code) != code)
            {
                p.Add("'code' must be a tracking code as the portal writes it (two groups of five of 23456789ABCDEFGHJKMNPQRSTWXYZ, e.g. K7M3Q-9XTRH).");
            }
            else if (code is not null && !codes.Add(code))
            {
                p.Add("the code appears twice.");
            }

            if (Time(StepReader.String(item, "receivedUtc", p, required: true)) is null)
            {
                p.Add("'receivedUtc' must be an ISO 8601 time (2026-03-02T08:30:00+07:00).");
            }

            if (!QuestionFields.IsKnown(StepReader.String(item, "field", p, required: true)))
            {
                p.Add($"'field' must be one of {string.Join(", ", QuestionFields.All.Select(f => f.Slug))}.");
            }

            Required(item, "title", QuestionsModel.TitleLength, p);
            Required(item, "question", QuestionsModel.ContentLength, p);
            if (item["sender"] is not JsonObject sender)
            {
                p.Add("'sender' must be an object with name and email.");
            }
            else
            {
                StepReader.OnlyKnown(sender, p, "name", "email", "phone", "address");
                Required(sender, "name", QuestionsModel.NameLength, p);
                if (!MailAddresses.IsValid(StepReader.String(sender, "email", p, required: true)))
                {
                    p.Add("'sender.email' must be one mailbox.");
                }
            }

            var status = StepReader.String(item, "status", p) ?? "published";
            if (!Statuses.Contains(status))
            {
                p.Add($"'status' must be one of {string.Join(", ", Statuses)}.");
            }

            if (status == "published")
            {
                Required(item, "answer", 200_000, p);
                Required(item, "agency", QuestionsModel.AgencyLength, p);
                if (Time(StepReader.String(item, "answeredUtc", p, required: true)) is not { } answered)
                {
                    p.Add("'answeredUtc' must be an ISO 8601 time.");
                }
                else if (Time(StepReader.String(item, "receivedUtc")) is { } received && answered < received)
                {
                    p.Add("'answeredUtc' is before 'receivedUtc'.");
                }

                if (StepReader.String(item, "slug", p) is { } slug && !Slugs.IsValid(slug))
                {
                    p.Add("'slug' must be lower-case letters, digits and hyphens.");
                }
            }

            if (status == "rejected" && !Enum.TryParse<QuestionRejection>(StepReader.String(item, "rejection", p, required: true), ignoreCase: true, out _))
            {
                p.Add("'rejection' must be spam, outOfScope or duplicate.");
            }

            if (item["showName"] is { } showName && (showName is not JsonValue v || !v.TryGetValue<bool>(out _)))
            {
                p.Add("'showName' must be true or false.");
            }
        }
    }

    public async Task ExecuteAsync(JsonObject step, RecipeContext context, CancellationToken cancellationToken)
    {
        if (!context.Tenant.HasFeature(QuestionContent.FeatureId))
        {
            throw new InvalidOperationException($"the site does not have the feature {QuestionContent.FeatureId} that the questions step needs (enable it in an earlier feature step).");
        }

        var services = context.Services;
        var db = services.GetRequiredService<PortalDbContext>();
        var calendar = services.GetRequiredService<IWorkingDayCalendar>();
        var contents = services.GetRequiredService<ContentManager>();
        var writer = services.GetRequiredService<AnswerWriter>();
        foreach (var item in StepReader.Objects(step, "items"))
        {
            var code = StepReader.String(item, "code")!;
            var question = await db.Set<QuestionCase>().FirstOrDefaultAsync(q => q.TrackingCode == code, cancellationToken)
                ?? await CreateCaseAsync(db, calendar, item, context.Tenant, cancellationToken);
            if (question.Status == QuestionStatus.Published)
            {
                await PublishAnswerAsync(db, contents, writer, question, item, cancellationToken);
            }
        }
    }

    private async Task<QuestionCase> CreateCaseAsync(PortalDbContext db, IWorkingDayCalendar calendar, JsonObject item, Tenant site, CancellationToken cancellationToken)
    {
        var received = Time(StepReader.String(item, "receivedUtc"))!.Value;
        var status = StepReader.String(item, "status") ?? "published";
        var sender = (JsonObject)item["sender"]!;
        var forward = calendar.Deadline(received, 5);
        var answer = calendar.Deadline(received, QuestionIntake.AnswerWithinDays);
        var origin = StepReader.String(item, "originSite") is { } originName ? sites.FindByName(originName) : null;
        var assigned = StepReader.String(item, "assignedSite") is { } assignedName && assignedName != site.Name ? sites.FindByName(assignedName) : null;
        var agency = StepReader.String(item, "agency")?.Trim();
        var question = new QuestionCase
        {
            TrackingCode = StepReader.String(item, "code")!,
            SenderName = StepReader.String(sender, "name")!.Trim(),
            Email = StepReader.String(sender, "email")!.Trim(),
            Phone = StepReader.String(sender, "phone")?.Trim() ?? "",
            Address = StepReader.String(sender, "address")?.Trim() ?? "",
            Title = StepReader.String(item, "title")!.Trim(),
            Content = StepReader.String(item, "question")!.Trim(),
            Field = StepReader.String(item, "field")!,
            ConsentToPublish = true,
            ShowName = item["showName"] is JsonValue show && show.GetValue<bool>(),
            Status = status switch
            {
                "published" => QuestionStatus.Published,
                "assigned" => QuestionStatus.Assigned,
                "rejected" => QuestionStatus.Rejected,
                _ => QuestionStatus.Received,
            },
            Source = origin is null ? QuestionSource.Recipe : QuestionSource.Transfer,
            ReceivedUtc = received,
            ForwardDue = forward.Due,
            AnswerDue = answer.Due,
            DueIsProvisional = forward.IsProvisional || answer.IsProvisional,
            AgencyName = agency is { Length: > 0 } ? agency : null,
            AssignedTenantId = assigned?.Id,
            OriginTenantId = origin?.Id,
            UpdatedUtc = received,
        };
        if (question.Status == QuestionStatus.Rejected)
        {
            question.Rejection = Enum.Parse<QuestionRejection>(StepReader.String(item, "rejection")!, ignoreCase: true);
            question.RejectionNote = "Câu hỏi " + QuestionTexts.Rejection(question.Rejection.Value) + ".";
        }

        db.Add(question);
        await db.SaveChangesAsync(cancellationToken);

        // The history as the desk would have written it, an hour or a day apart.
        var actor = ContentActor.System;
        if (origin is null)
        {
            QuestionHistory.Add(db, question, QuestionStepKind.Received, actor, received, QuestionTexts.ReceivedText(question));
        }
        else
        {
            QuestionHistory.Add(db, question, QuestionStepKind.TransferReceived, actor, received, $"{site.DisplayName} đã nhận câu hỏi do {origin.DisplayName} chuyển đến.");
        }

        var triaged = received.AddHours(2);
        switch (question.Status)
        {
            case QuestionStatus.Rejected:
                QuestionHistory.Add(db, question, QuestionStepKind.Rejected, actor, triaged, $"Không tiếp nhận: {question.RejectionNote}");
                break;
            case QuestionStatus.Assigned or QuestionStatus.Published when origin is null:
                QuestionHistory.Add(db, question, QuestionStepKind.Accepted, actor, triaged, "Ban biên tập đã tiếp nhận câu hỏi.");
                var step = QuestionHistory.Add(db, question, assigned is null ? QuestionStepKind.Assigned : QuestionStepKind.Transferred, actor, triaged.AddDays(1),
                    $"Đã chuyển {question.AgencyName ?? "cơ quan có thẩm quyền"} trả lời; hạn trả lời {QuestionTexts.Date(question.AnswerDue)}.");
                step.ToAgency = question.AgencyName;
                step.ToTenantId = assigned?.Id;
                step.Due = question.AnswerDue;
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return question;
    }

    private static async Task PublishAnswerAsync(PortalDbContext db, ContentManager contents, AnswerWriter writer, QuestionCase question, JsonObject item, CancellationToken cancellationToken)
    {
        var answered = Time(StepReader.String(item, "answeredUtc"))!.Value;
        var title = question.Title;
        var id = question.AnswerContentItemId ?? QuestionContent.ItemIdFor(question.Id);
        var fields = new AnswerFields
        {
            Question = question.Content,
            Field = question.Field,
            Agency = question.AgencyName ?? "",
            Answer = StepReader.String(item, "answer")!,
            Answerer = StepReader.String(item, "answerer")?.Trim() ?? question.AgencyName ?? "",
            SenderName = question.ShowName ? question.SenderName : null,
            AskedUtc = question.ReceivedUtc,
            AnsweredUtc = answered,
            Listed = true,
        };
        var slug = StepReader.String(item, "slug") ?? Slugs.FromTitle(title);
        await contents.UpsertAsync(new ContentUpsert(QuestionContent.ContentType, id, writer.Draft(title, slug, fields), true, ContentActor.System) { PublishedUtc = answered }, cancellationToken);
        if (question.AnswerContentItemId is null)
        {
            question.AnswerContentItemId = id;
            question.AnsweredUtc = answered;
            QuestionHistory.Add(db, question, QuestionStepKind.Answered, ContentActor.System, answered, $"{question.AgencyName ?? "Cơ quan có thẩm quyền"} đã trả lời câu hỏi.");
            QuestionHistory.Add(db, question, QuestionStepKind.Published, ContentActor.System, answered, "Câu hỏi và câu trả lời đã được công khai trên cổng.");
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static void Required(JsonObject item, string name, int max, RecipeProblems problems)
    {
        var value = StepReader.String(item, name, problems, required: true)?.Trim();
        if (value is { Length: 0 })
        {
            problems.Add($"'{name}' is empty.");
        }
        else if (value?.Length > max)
        {
            problems.Add($"'{name}' is longer than {max} characters.");
        }
    }

    /// <summary>An ISO 8601 time with its offset (or Z), as UTC; null otherwise or outside 2000–2100.</summary>
    internal static DateTime? Time(string? text) =>
        text is not null && text.Contains('T', StringComparison.Ordinal)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
        && time.UtcDateTime is { Year: >= 2000 and < 2100 } utc
            ? DateTime.SpecifyKind(utc, DateTimeKind.Utc)
            : null;
}
