using System.Text.Json.Nodes;
using Portal.Core.Recipes;
using Portal.Questions.Models;
using Portal.Questions.Recipes;
using Portal.Questions.Services;

namespace Portal.Tests.Modules.Questions;

/// <summary>The statistics' counting, the recipe step's checks and the visitor id, without a host.</summary>
[Trait("Category", "Fast")]
public sealed class QuestionPublicRuleTests
{
    private static readonly DateOnly Due = new(2026, 3, 23);

    private static CaseFacts Case(QuestionStatus status, DateTime? answeredUtc = null, string agency = "Sở Y tế", string field = "y-te", DateTime? received = null) =>
        new(field, agency, status, received ?? new DateTime(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc), answeredUtc, Due);

    [Fact]
    public void On_time_is_the_Vietnamese_date_of_the_answer_on_or_before_the_deadline()
    {
        var today = new DateOnly(2026, 12, 1);

        // 23 March 16:59 UTC is 23:59 in Vietnam (on time); 17:00 UTC is already 24 March there (late).
        Assert.Equal(CaseOutcome.AnsweredOnTime, QuestionStatisticsRules.Classify(Case(QuestionStatus.Published, new DateTime(2026, 3, 23, 16, 59, 0, DateTimeKind.Utc)), today));
        Assert.Equal(CaseOutcome.AnsweredLate, QuestionStatisticsRules.Classify(Case(QuestionStatus.Published, new DateTime(2026, 3, 23, 17, 0, 0, DateTimeKind.Utc)), today));
        Assert.Equal(CaseOutcome.Overdue, QuestionStatisticsRules.Classify(Case(QuestionStatus.Assigned), today));
        Assert.Equal(CaseOutcome.Open, QuestionStatisticsRules.Classify(Case(QuestionStatus.Received), new DateOnly(2026, 3, 23)));
        Assert.Equal(CaseOutcome.Overdue, QuestionStatisticsRules.Classify(Case(QuestionStatus.Accepted), new DateOnly(2026, 3, 24)));
        Assert.Equal(CaseOutcome.Rejected, QuestionStatisticsRules.Classify(Case(QuestionStatus.Rejected), today));
        Assert.Equal(CaseOutcome.Merged, QuestionStatisticsRules.Classify(Case(QuestionStatus.Merged), today));
    }

    [Fact]
    public void Lines_add_up_and_every_month_of_the_period_is_listed()
    {
        var today = new DateOnly(2026, 12, 1);
        CaseFacts[] cases =
        [
            Case(QuestionStatus.Published, new DateTime(2026, 3, 5, 3, 0, 0, DateTimeKind.Utc)),
            Case(QuestionStatus.Published, new DateTime(2026, 4, 5, 3, 0, 0, DateTimeKind.Utc), agency: "Sở Xây dựng", field: "xay-dung"),
            Case(QuestionStatus.Rejected, agency: QuestionStatisticsRules.NoAgency),
            Case(QuestionStatus.Merged),
            Case(QuestionStatus.Assigned, received: new DateTime(2026, 4, 30, 17, 30, 0, DateTimeKind.Utc)), // 1 May in Vietnam
        ];

        var total = QuestionStatisticsRules.Total(cases, today);
        var months = QuestionStatisticsRules.ByMonth(cases, new DateOnly(2026, 2, 15), new DateOnly(2026, 5, 31), today);
        var agencies = QuestionStatisticsRules.ByAgency(cases, today);

        Assert.Equal((5, 1, 1, 0, 1, 1), (total.Received, total.OnTime, total.Late, total.Open, total.Overdue, total.Rejected));
        Assert.Equal(["02/2026", "03/2026", "04/2026", "05/2026"], months.Select(m => m.Label));
        Assert.Equal([0, 4, 0, 1], months.Select(m => m.Received));
        Assert.Equal(["Sở Xây dựng", "Sở Y tế", QuestionStatisticsRules.NoAgency], agencies.Select(a => a.Label));
    }

    [Fact]
    public void The_questions_step_refuses_bad_codes_fields_times_and_missing_answers()
    {
        var step = new QuestionsStep(null!); // the sites are read only when the step runs
        var problems = new List<string>();
        var item = new JsonObject
        {
            ["code"] = "AB1O0-XXXXX",
            ["receivedUtc"] = "2026-03-02",
            ["field"] = "thien-van",
            ["sender"] = new JsonObject { ["name"] = "A", ["email"] = "không phải thư" },
            ["title"] = "Tiêu đề",
            ["question"] = "Câu hỏi",
            ["colour"] = "red",
        };

        step.Validate(new JsonObject { ["items"] = new JsonArray(item) }, new RecipeProblems("questions", problems));

        Assert.Contains(problems, p => p.Contains("'code' must be a tracking code", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'receivedUtc'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'field' must be one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'sender.email'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'answer' is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown field 'colour'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_visitor_id_is_32_hex_digits_and_anything_else_is_replaced()
    {
        var id = QuestionRatings.NewVisitorId();

        Assert.True(QuestionRatings.IsVisitorId(id));
        Assert.NotEqual(id, QuestionRatings.NewVisitorId());
        Assert.False(QuestionRatings.IsVisitorId(null));
        Assert.False(QuestionRatings.IsVisitorId(id.ToUpperInvariant()));
        Assert.False(QuestionRatings.IsVisitorId(id[..31] + "'"));
    }

    [Fact]
    public void The_list_folds_title_and_question_for_searches_without_diacritics()
    {
        Assert.Contains("quang ninh", QuestionProjection.Fold("Đăng ký ở Quảng Ninh", "Xin hỏi"));
        Assert.Contains("duong", QuestionProjection.Fold("Tiêu đề", "Mở đường"));
    }
}
