using System.Text.Json.Nodes;
using Portal.Core.Html;
using Portal.Dialogues.Models;
using Portal.Dialogues.Services;

namespace Portal.Tests.Modules.Dialogues;

/// <summary>The dialogue's rules that need no host: the stage plan, the video addresses, the question text, the envelope.</summary>
[Trait("Category", "Fast")]
public sealed class DialogueRuleTests
{
    private static readonly DateTime Start = new(2026, 12, 10, 7, 0, 0, DateTimeKind.Utc);

    private static Dialogue Planned(DialogueStage stage, bool byHand = false, DateTime? changed = null) => new()
    {
        StartUtc = Start, EndUtc = Start.AddHours(2), Stage = stage, StageSetByHand = byHand, StageChangedUtc = changed ?? Start.AddDays(-10),
    };

    [Fact]
    public void The_plan_moves_forward_at_the_planned_times_only()
    {
        Assert.Null(DialogueStages.Planned(Planned(DialogueStage.Upcoming), Start.AddMinutes(-1)));
        Assert.Equal(DialogueStage.Live, DialogueStages.Planned(Planned(DialogueStage.Upcoming), Start));
        Assert.Null(DialogueStages.Planned(Planned(DialogueStage.Live), Start.AddHours(1)));
        Assert.Equal(DialogueStage.Ended, DialogueStages.Planned(Planned(DialogueStage.Live), Start.AddHours(2)));
        Assert.Equal(DialogueStage.Ended, DialogueStages.Planned(Planned(DialogueStage.Upcoming), Start.AddHours(3)));
        Assert.Null(DialogueStages.Planned(Planned(DialogueStage.Ended), Start.AddHours(3)));
    }

    [Fact]
    public void A_hand_change_after_a_planned_time_is_never_undone_by_the_plan()
    {
        // Ended early by the moderator: the plan has nothing to do.
        Assert.Null(DialogueStages.Planned(Planned(DialogueStage.Ended, true, Start.AddMinutes(30)), Start.AddHours(5)));

        // Reopened after its end: stays live.
        Assert.Null(DialogueStages.Planned(Planned(DialogueStage.Live, true, Start.AddHours(3)), Start.AddHours(4)));

        // Put back to upcoming after the start (a delay): not started again by the plan, but still ended at the end.
        Assert.Null(DialogueStages.Planned(Planned(DialogueStage.Upcoming, true, Start.AddMinutes(10)), Start.AddMinutes(20)));
        Assert.Equal(DialogueStage.Ended, DialogueStages.Planned(Planned(DialogueStage.Upcoming, true, Start.AddMinutes(10)), Start.AddHours(2)));

        // Started early by hand: ended at the planned end.
        Assert.Equal(DialogueStage.Ended, DialogueStages.Planned(Planned(DialogueStage.Live, true, Start.AddMinutes(-15)), Start.AddHours(2)));
    }

    [Fact]
    public void Questions_are_taken_before_the_closing_time_and_while_live()
    {
        var dialogue = Planned(DialogueStage.Upcoming);
        dialogue.QuestionsCloseUtc = Start.AddHours(-1);
        Assert.True(DialogueQuestionIntake.IsOpen(dialogue, Start.AddHours(-2)));
        Assert.False(DialogueQuestionIntake.IsOpen(dialogue, Start.AddMinutes(-30)));
        dialogue.QuestionsCloseUtc = null;
        Assert.True(DialogueQuestionIntake.IsOpen(dialogue, Start.AddMinutes(-1)));
        Assert.False(DialogueQuestionIntake.IsOpen(dialogue, Start));
        dialogue.Stage = DialogueStage.Live;
        Assert.True(DialogueQuestionIntake.IsOpen(dialogue, Start.AddHours(5)));
        dialogue.Stage = DialogueStage.Ended;
        Assert.False(DialogueQuestionIntake.IsOpen(dialogue, Start.AddDays(-1)));
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ?t=125")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ?t=125")]
    [InlineData("https://www.youtube.com/live/dQw4w9WgXcQ?si=x", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ?t=125")]
    [InlineData("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1", "https://vimeo.com/76979871#t=125s")]
    [InlineData("https://truyenhinh.anhoa.gov.vn/doi-thoai.mp4", null, null)]
    [InlineData("https://www.youtube.com/watch?v=<script>", null, null)]
    [InlineData("http://www.youtube.com/watch?v=dQw4w9WgXcQ", null, null)]
    public void Only_youtube_and_vimeo_are_embedded_and_linked_at_a_time(string url, string? embed, string? at)
    {
        Assert.Equal(embed, DialogueVideo.EmbedUrl(url));
        Assert.Equal(at, DialogueVideo.At(url, 125));
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", true)]
    [InlineData("https://truyenhinh.anhoa.gov.vn/video/1", true)]
    [InlineData("http://truyenhinh.anhoa.gov.vn/video/1", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https://user:pass@example.vn/", false)]
    [InlineData("/media/video.mp4", false)]
    public void A_video_link_is_an_https_address(string url, bool acceptable) => Assert.Equal(acceptable, DialogueVideo.IsAcceptable(url));

    [Theory]
    [InlineData("12:05", 725)]
    [InlineData("1:02:05", 3725)]
    [InlineData("90", 90)]
    [InlineData("", null)]
    [InlineData("1:2:3:4", null)]
    [InlineData("-5", null)]
    [InlineData("99999:00:00", null)]
    public void A_time_in_the_video_is_read_as_seconds(string text, int? seconds) => Assert.Equal(seconds, DialogueVideo.Parse(text));

    [Fact]
    public void A_question_is_cleaned_to_nfc_and_checked_for_length_and_name()
    {
        var decomposed = "Xin ho\u0309i ve\u0302\u0300 gia\u0309i pho\u0301ng ma\u0323\u0306t ba\u0306\u0300ng";
        var clean = DialogueQuestionRules.Clean(new DialogueQuestionSubmission("  " + decomposed + "\r\n\r\n\r\n\r\nDòng hai  ", "  Trần   Văn A ", true));

        Assert.Equal("Xin hỏi về giải phóng mặt bằng\n\nDòng hai", clean.Text);
        Assert.Equal("Trần Văn A", clean.SenderName);
        Assert.Empty(DialogueQuestionRules.Check(clean));
        Assert.Contains(DialogueQuestionRules.Check(new("ngắn", null, false)), e => e.Field == "Text" && e.Message.Contains("quá ngắn"));
        Assert.Contains(DialogueQuestionRules.Check(new(new string('a', 2001), null, false)), e => e.Field == "Text" && e.Message.Contains("tối đa 2000"));
        Assert.Contains(DialogueQuestionRules.Check(new("Câu hỏi đủ dài để gửi", null, true)), e => e.Field == "SenderName");
        Assert.Contains(DialogueQuestionRules.Check(new("Câu hỏi có \u0001 ký tự điều khiển", null, false)), e => e.Field == "Text");
    }

    [Fact]
    public void The_envelope_refuses_what_a_dialogue_cannot_be_and_sanitizes_the_description()
    {
        var problems = new List<DialogueProblem>();
        var bad = DialogueEnvelope.Read(new JsonObject
        {
            ["title"] = "",
            ["startUtc"] = "2026-12-10T14:00:00+07:00",
            ["endUtc"] = "2026-12-10T13:00:00+07:00",
            ["questionsCloseUtc"] = "2026-12-11T09:00:00+07:00",
            ["guests"] = new JsonArray("Ông A | Chủ tịch | https://evil.example/anh.jpg", "Ông A | Phó"),
            ["videoUrl"] = "javascript:alert(1)",
            ["khac"] = "x",
        }, new HtmlSanitizer(), problems);

        Assert.Null(bad);
        Assert.Equal(["endUtc", "guests", "khac", "questionsCloseUtc", "title", "videoUrl"], problems.Select(p => p.Field).Distinct().Order());

        problems.Clear();
        var good = DialogueEnvelope.Read(new JsonObject
        {
            ["title"] = "Đối thoại với doanh nghiệp",
            ["description"] = "<p>Giới thiệu</p><script>alert(1)</script><img src=x onerror=alert(1)>",
            ["startUtc"] = "2026-12-10T14:00:00+07:00",
            ["endUtc"] = "2026-12-10T16:30:00+07:00",
            ["guests"] = new JsonArray(new JsonObject { ["name"] = "Ông Trần Quốc Hưng", ["position"] = "Chủ tịch UBND tỉnh", ["photo"] = "/media/lanh-dao/a.jpg" }, "Bà Nguyễn Thị Minh Thư | Giám đốc Sở Tài chính"),
        }, new HtmlSanitizer(), problems);

        Assert.Empty(problems);
        Assert.Equal(new DateTime(2026, 12, 10, 7, 0, 0, DateTimeKind.Utc), good!.Fields.StartUtc);
        Assert.Equal(DateTimeKind.Utc, good.Fields.EndUtc.Kind);
        Assert.Equal(["Ông Trần Quốc Hưng", "Bà Nguyễn Thị Minh Thư"], good.Fields.Guests.Select(g => g.Name));
        Assert.Equal("Giám đốc Sở Tài chính", good.Fields.Guests[1].Position);
        Assert.DoesNotContain("script", good.Fields.Description, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", good.Fields.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<p>Giới thiệu</p>", good.Fields.Description);
    }
}
