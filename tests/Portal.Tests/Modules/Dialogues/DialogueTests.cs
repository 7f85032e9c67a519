using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Dialogues.Models;
using Portal.Dialogues.Services;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Dialogues;

/// <summary>
/// Online dialogues on SQLite and PostgreSQL: the content lifecycle and the public list, the stage
/// by hand and by the job, the citizens' form, the moderation steps with their audit, the sequence
/// numbers under concurrent publication, the transcript, the demo and bad input.
/// </summary>
public abstract class DialogueTests<TFixture>(TFixture fixture)
    where TFixture : DialogueFixture
{
    private PortalFactory Factory => fixture.Factory;

    private DateTime Now => DialogueData.Now(fixture);

    private async Task<T> ShiftedAsync<T>(TimeSpan by, Func<Task<T>> work)
    {
        fixture.Clock.Offset = by;
        try
        {
            return await work();
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    private static Dictionary<string, string> Question(string text, string? name = null, bool show = false) => new()
    {
        ["Text"] = text,
        ["SenderName"] = name ?? "",
        ["ShowName"] = show ? "true" : "false",
    };

    [Fact]
    public async Task A_dialogue_goes_through_the_lifecycle_and_the_list_shows_upcoming_then_live_then_the_archive_paged()
    {
        var site = await Factory.ProvisionAsync("xa-dt-ds");
        var soon = await Factory.AddDialogueAsync(site, "sap-dien-ra-gan", Now.AddDays(2), Now.AddDays(2).AddHours(2), title: "Sắp diễn ra gần");
        await Factory.AddDialogueAsync(site, "sap-dien-ra-xa", Now.AddDays(9), Now.AddDays(9).AddHours(2), title: "Sắp diễn ra xa");
        var live = await Factory.AddDialogueAsync(site, "dang-dien-ra", Now.AddMinutes(-30), Now.AddHours(1), title: "Đang diễn ra");
        for (var i = 1; i <= 9; i++)
        {
            await Factory.AddDialogueAsync(site, $"da-ket-thuc-{i:D2}", Now.AddDays(-40 + i), Now.AddDays(-40 + i).AddHours(2), title: $"Đã kết thúc số {i:D2}");
        }

        await Factory.AddDialogueAsync(site, "ban-nhap", Now.AddDays(3), Now.AddDays(3).AddHours(1), publish: false, title: "Bản nháp chưa công bố");
        await Factory.RunStageJobAsync();
        var client = Factory.CreateClient();

        var first = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-dt-ds/doi-thoai"));
        var second = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-dt-ds/doi-thoai?page=2"));
        var draft = await client.GetAsync("/xa-dt-ds/doi-thoai/ban-nhap");
        var item = await Factory.InSiteAsync(site, sp => sp.GetRequiredService<ContentManager>().LatestAsync(DialogueContent.ContentType, soon));
        var admin = await AdminClient.SignedInAsync(Factory);
        var contentsList = WebUtility.HtmlDecode(await admin.Http.GetStringAsync("/admin/contents?type=dialogue"));

        Assert.Equal(ContentState.Published, item!.State);
        Assert.Equal(DialogueStage.Live, (await Factory.RecordAsync(site, live)).Stage);
        int At(string title) => first.IndexOf(title, StringComparison.Ordinal);
        Assert.True(At("Sắp diễn ra gần") < At("Sắp diễn ra xa"), "upcoming, soonest first");
        Assert.True(At("Sắp diễn ra xa") < At("Đang diễn ra"), "then live");
        Assert.True(At("Đang diễn ra") < At("Đã kết thúc số 09"), "then the archive");
        Assert.True(At("Đã kết thúc số 09") < At("Đã kết thúc số 08"), "the archive newest first");
        Assert.DoesNotContain("Đã kết thúc số 02", first);
        Assert.Contains("Đã kết thúc số 02", second);
        Assert.Contains("Đã kết thúc số 01", second);
        Assert.DoesNotContain("Bản nháp", first + second);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Contains("/xa-dt-ds/doi-thoai\">Đối thoại trực tuyến</a>", await client.GetStringAsync("/xa-dt-ds/"));
        Assert.Contains("Sắp diễn ra", first);
        Assert.Contains("Đang diễn ra", first);
        Assert.Contains("Đã kết thúc", first);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin/doi-thoai/create")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xa-dt-ds/doi-thoai/" + new string('a', 300))).StatusCode);
        _ = contentsList;
    }

    [Fact]
    public async Task The_desk_creates_a_dialogue_from_vietnam_time_and_shows_messages_beside_the_fields()
    {
        var admin = await AdminClient.SignedInAsync(Factory);
        var bad = await admin.PostFormAsync("/admin/doi-thoai/create", "/admin/doi-thoai/create", new()
        {
            ["Title"] = "",
            ["StartAt"] = "2026-12-20T14:00",
            ["EndAt"] = "2026-12-20T13:00",
            ["Guests"] = "Ông A | Chủ tịch | https://evil.example/a.jpg",
            ["VideoUrl"] = "javascript:alert(1)",
        });
        var badPage = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        var created = await admin.PostFormAsync("/admin/doi-thoai/create", "/admin/doi-thoai/create", new()
        {
            ["Title"] = "Đối thoại về cải cách hành chính năm 2027",
            ["StartAt"] = "2027-01-15T14:00",
            ["EndAt"] = "2027-01-15T16:30",
            ["QuestionsCloseAt"] = "2027-01-14T17:00",
            ["Guests"] = "Ông Trần Quốc Hưng | Chủ tịch UBND tỉnh | /media/lanh-dao/chu-tich.jpg\nBà Nguyễn Thị Minh Thư | Giám đốc Sở Tài chính",
            ["Moderator"] = "Nhà báo Phạm Thu Trang",
            ["VideoUrl"] = "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            ["Description"] = "<p>Giới thiệu</p><script>alert(1)</script>",
        });

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Vui lòng nhập chủ đề", badPage);
        Assert.Contains("Thời gian kết thúc phải sau thời gian bắt đầu", badPage);
        Assert.Contains("thư viện của trang", badPage);
        Assert.Contains("Đường dẫn video phải là địa chỉ https", badPage);
        Assert.Contains("https://evil.example/a.jpg", badPage); // the text is kept
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editor = created.Headers.Location!.ToString();
        Assert.EndsWith("/sua", editor);
        var id = Uri.UnescapeDataString(editor.Split('/')[^2]);
        var site = Factory.Service<TenantCatalog>().Default!;
        var item = await Factory.InSiteAsync(site, sp => sp.GetRequiredService<ContentManager>().LatestAsync(DialogueContent.ContentType, id));
        var fields = DialogueContent.Read(item!.Data);
        Assert.Equal(ContentState.Draft, item.State);
        Assert.Equal(new DateTime(2027, 1, 15, 7, 0, 0, DateTimeKind.Utc), fields.StartUtc);
        Assert.Equal(new DateTime(2027, 1, 14, 10, 0, 0, DateTimeKind.Utc), fields.QuestionsCloseUtc);
        Assert.Equal(2, fields.Guests.Count);
        Assert.DoesNotContain("script", fields.Description);
        Assert.Equal(DialogueStage.Upcoming, (await Factory.RecordAsync(site, id)).Stage);
        var form = WebUtility.HtmlDecode(await admin.Http.GetStringAsync(editor));
        Assert.Contains("value=\"2027-01-15T14:00", form);
        Assert.Contains("Ông Trần Quốc Hưng | Chủ tịch UBND tỉnh | /media/lanh-dao/chu-tich.jpg", form);
        var published = await admin.PostFormAsync(editor, editor.Replace("/sua", "/force-publish", StringComparison.Ordinal), new() { ["reason"] = "Buổi đối thoại đã được lãnh đạo duyệt" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Đối thoại về cải cách hành chính năm 2027", await Factory.CreateClient().GetStringAsync("/doi-thoai"));
    }

    [Fact]
    public async Task The_stage_moves_by_the_moderators_buttons_and_by_the_job_at_the_planned_times()
    {
        var site = await Factory.ProvisionAsync("xa-dt-gd");
        var planned = await Factory.AddDialogueAsync(site, "theo-ke-hoach", Now.AddHours(1), Now.AddHours(3));
        var early = await Factory.AddDialogueAsync(site, "bat-dau-som", Now.AddHours(1), Now.AddHours(3));
        await Factory.CreateSiteAdministratorAsync(site, "qt-xa-dt-gd", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, "qt-xa-dt-gd", "Passw0rd-Q!", "/xa-dt-gd");

        await Factory.RunStageJobAsync();
        var before = (await Factory.RecordAsync(site, planned)).Stage;
        var started = await admin.PostFormAsync($"/xa-dt-gd/admin/doi-thoai/{early}", $"/xa-dt-gd/admin/doi-thoai/{early}/giai-doan", new() { ["stage"] = "live" });
        var forged = await admin.PostFormAsync($"/xa-dt-gd/admin/doi-thoai/{early}", $"/xa-dt-gd/admin/doi-thoai/{early}/giai-doan", new() { ["stage"] = "7" });
        var console = WebUtility.HtmlDecode(await admin.Http.GetStringAsync($"/xa-dt-gd/admin/doi-thoai/{early}"));
        var atStart = await ShiftedAsync(TimeSpan.FromMinutes(90), async () => { await Factory.RunStageJobAsync(); return (await Factory.RecordAsync(site, planned), await Factory.RecordAsync(site, early)); });
        var afterEnd = await ShiftedAsync(TimeSpan.FromHours(4), async () => { await Factory.RunStageJobAsync(); return (await Factory.RecordAsync(site, planned), await Factory.RecordAsync(site, early)); });
        var reopened = await ShiftedAsync(TimeSpan.FromHours(5), async () =>
        {
            await Factory.InSiteAsync(site, sp => sp.GetRequiredService<DialogueStages>().SetByHandAsync(planned, DialogueStage.Live, DialogueData.Moderator, CancellationToken.None));
            await Factory.RunStageJobAsync();
            return await Factory.RecordAsync(site, planned);
        });
        var history = await Factory.HistoryAsync(site, planned);
        var page = WebUtility.HtmlDecode(await Factory.CreateClient().GetStringAsync("/xa-dt-gd/doi-thoai/bat-dau-som"));

        Assert.Equal(DialogueStage.Upcoming, before);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("id=\"stage\">Đang diễn ra", console);
        Assert.Equal(DialogueStage.Live, atStart.Item1.Stage);
        Assert.False(atStart.Item1.StageSetByHand);
        Assert.Equal(DialogueStage.Live, atStart.Item2.Stage);
        Assert.True(atStart.Item2.StageSetByHand);
        Assert.Equal(DialogueStage.Ended, afterEnd.Item1.Stage);
        Assert.Equal(DialogueStage.Ended, afterEnd.Item2.Stage);
        Assert.Equal(DialogueStage.Live, reopened.Stage);
        Assert.Equal(
            [("Sắp diễn ra", "Đang diễn ra", "Hệ thống"), ("Đang diễn ra", "Đã kết thúc", "Hệ thống"), ("Đã kết thúc", "Đang diễn ra", "btv-dieu-phoi")],
            history.Where(h => h.Kind == DialogueHistoryKind.StageChanged).Select(h => (h.Before, h.After, h.ActorName)));
        Assert.Contains("Đã kết thúc", page);
    }

    [Fact]
    public async Task The_form_takes_questions_until_the_closing_time_and_while_live_with_messages_beside_the_fields()
    {
        var site = await Factory.ProvisionAsync("xa-dt-form");
        var id = await Factory.AddDialogueAsync(site, "hoi-truoc", Now.AddHours(2), Now.AddHours(4), closeUtc: Now.AddMinutes(5));
        var citizen = AdminClient.Create(Factory);
        const string page = "/xa-dt-form/doi-thoai/hoi-truoc";

        var sent = await DialogueData.AskAsync(citizen, page, Question("Xin hỏi thời hạn giải quyết hồ sơ đất đai là bao lâu?", "Trần Thị Hỏi", true));
        var sentPage = WebUtility.HtmlDecode(await citizen.Http.GetStringAsync(sent.Headers.Location!.ToString()));
        var empty = WebUtility.HtmlDecode(await (await DialogueData.AskAsync(citizen, page, Question(""))).Content.ReadAsStringAsync());
        var nameless = WebUtility.HtmlDecode(await (await DialogueData.AskAsync(citizen, page, Question("Câu hỏi đủ dài nhưng muốn hiện tên", show: true))).Content.ReadAsStringAsync());
        var unsolved = WebUtility.HtmlDecode(await (await DialogueData.AskAsync(citizen, page, Question("Câu hỏi chưa làm bài kiểm tra chống máy"), solve: false)).Content.ReadAsStringAsync());
        var trap = Question("Câu hỏi có ô bẫy bị điền bởi máy gửi tự động");
        trap["website"] = "http://spam.example";
        var trapped = WebUtility.HtmlDecode(await (await DialogueData.AskAsync(citizen, page, trap)).Content.ReadAsStringAsync());
        // The page was opened before the closing time and sent after it.
        var closed = await ShiftedAsync(TimeSpan.Zero, async () =>
            WebUtility.HtmlDecode(await (await DialogueData.AskAsync(citizen, page, Question("Câu hỏi gửi sau hạn nhận câu hỏi"), beforePost: () => fixture.Clock.Offset = TimeSpan.FromMinutes(10))).Content.ReadAsStringAsync()));
        var closedPage = await ShiftedAsync(TimeSpan.FromMinutes(90), async () => WebUtility.HtmlDecode(await citizen.Http.GetStringAsync(page)));
        var whileLive = await ShiftedAsync(TimeSpan.FromMinutes(150), async () =>
        {
            await Factory.RunStageJobAsync();
            return await DialogueData.AskAsync(citizen, page, Question("Câu hỏi gửi trong lúc đang diễn ra"));
        });
        var questions = await Factory.QuestionsAsync(site, id);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Câu hỏi của ông/bà đã được gửi", sentPage);
        Assert.DoesNotContain("Xin hỏi thời hạn giải quyết", sentPage); // not public before it is answered and published
        Assert.Contains("Vui lòng nhập câu hỏi.", empty);
        Assert.Contains("Vui lòng nhập họ tên nếu muốn hiện tên", nameless);
        Assert.Contains("Câu hỏi đủ dài nhưng muốn hiện tên</textarea>", nameless);
        Assert.Contains("Câu hỏi chưa làm bài kiểm tra chống máy</textarea>", unsolved);
        Assert.Contains("Câu hỏi chưa được gửi", unsolved);
        Assert.Contains("Câu hỏi chưa được gửi", trapped);
        Assert.Contains(DialogueQuestionIntake.ClosedMessage, closed);
        Assert.DoesNotContain("name=\"challengeToken\"", closedPage);
        Assert.Equal(HttpStatusCode.Redirect, whileLive.StatusCode);
        Assert.Equal(["Xin hỏi thời hạn giải quyết hồ sơ đất đai là bao lâu?", "Câu hỏi gửi trong lúc đang diễn ra"], questions.Select(q => q.Text));
        Assert.Equal("Trần Thị Hỏi", questions[0].SenderName);
        Assert.True(questions[0].ShowName);
        Assert.All(questions, q => Assert.Equal(DialogueQuestionState.Submitted, q.State));
        Assert.Contains(await Factory.HistoryAsync(site, id), h => h.Kind == DialogueHistoryKind.Submitted && h.QuestionId == questions[0].Id);
    }

    [Fact]
    public async Task One_address_past_its_hourly_limit_gets_429_and_another_site_is_not_affected()
    {
        var site = await Factory.ProvisionAsync("xa-dt-gh");
        await Factory.ProvisionAsync("xa-dt-gh2");
        await Factory.AddDialogueAsync(site, "gioi-han", Now.AddDays(1), Now.AddDays(1).AddHours(2));
        await Factory.AddDialogueAsync(Factory.Service<TenantCatalog>().FindByName("xa-dt-gh2")!, "gioi-han", Now.AddDays(1), Now.AddDays(1).AddHours(2));
        var citizen = AdminClient.Create(Factory);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < DialogueFixture.QuestionsPerHour + 1; i++)
        {
            answers.Add((await DialogueData.AskAsync(citizen, "/xa-dt-gh/doi-thoai/gioi-han", Question($"Câu hỏi số {i} gửi liên tục trong một giờ"))).StatusCode);
        }

        var other = await DialogueData.AskAsync(citizen, "/xa-dt-gh2/doi-thoai/gioi-han", Question("Câu hỏi gửi tới trang khác"));

        Assert.All(answers.Take(DialogueFixture.QuestionsPerHour), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task Moderation_accepts_edits_merges_rejects_orders_hands_answers_and_publishes_with_an_audit_row_for_each_step()
    {
        const string prefix = "xa-dt-dp";
        var site = await Factory.ProvisionAsync(prefix);
        var id = await Factory.AddDialogueAsync(site, "dieu-phoi", Now.AddDays(1), Now.AddDays(1).AddHours(2));
        await Factory.CreateSiteAdministratorAsync(site, $"qt-{prefix}", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, $"qt-{prefix}", "Passw0rd-Q!", "/" + prefix);
        foreach (var (user, role) in new[] { ($"btv-{prefix}", "Editor"), ($"pv-{prefix}", "Reporter") })
        {
            await admin.PostFormAsync($"/{prefix}/admin/users/add", $"/{prefix}/admin/users/add", new() { ["UserName"] = user, ["Password"] = "Passw0rd-B!", ["Role"] = role });
        }

        var editor = await AdminClient.SignedInAsync(Factory, $"btv-{prefix}", "Passw0rd-B!", "/" + prefix);
        var reporter = await AdminClient.SignedInAsync(Factory, $"pv-{prefix}", "Passw0rd-B!", "/" + prefix);
        var citizen = AdminClient.Create(Factory);
        foreach (var text in new[] { "Xin hoi ve thu tuc cap phep xay dung nha xuong", "Câu hỏi trùng với câu hỏi thứ nhất về cấp phép", "Quảng cáo dịch vụ không liên quan", "Câu hỏi thứ tư về chữ ký số" })
        {
            await DialogueData.AskAsync(citizen, $"/{prefix}/doi-thoai/dieu-phoi", Question(text));
        }

        var q = (await Factory.QuestionsAsync(site, id)).Select(x => x.Id).ToArray();
        var console = $"/{prefix}/admin/doi-thoai/{id}";
        async Task<HttpResponseMessage> Step(AdminClient who, int question, string step, Dictionary<string, string>? fields = null) =>
            await who.PostFormAsync(console, $"{console}/cau-hoi/{question}/{step}", fields ?? []);

        var forbiddenPage = await reporter.Http.GetAsync(console);
        var forbiddenStep = await reporter.PostFormAsync($"/{prefix}/admin/contents", $"{console}/cau-hoi/{q[0]}/accept", []);
        var anonymous = await Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(console);
        var noToken = await editor.Http.PostAsync($"{console}/cau-hoi/{q[0]}/accept", new FormUrlEncodedContent(new Dictionary<string, string>()));
        await Step(editor, q[0], "accept");
        await Step(editor, q[0], "edit", new() { ["text"] = "Xin hỏi về thủ tục cấp phép xây dựng nhà xưởng" });
        await Step(editor, q[1], "merge", new() { ["into"] = q[0].ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var noReason = await Step(editor, q[2], "reject", new() { ["reason"] = "" });
        var noReasonMessage = WebUtility.HtmlDecode(await editor.Http.GetStringAsync(console));
        await Step(editor, q[2], "reject", new() { ["reason"] = "Không liên quan đến chủ đề" });
        await Step(editor, q[3], "accept");
        await Step(editor, q[3], "up");
        var earlyAnswer = await Step(editor, q[3], "answer", new() { ["answer"] = "Trả lời trước khi chuyển khách mời" });
        var earlyMessage = WebUtility.HtmlDecode(await editor.Http.GetStringAsync(console));
        await Step(editor, q[0], "hand", new() { ["guest"] = DialogueData.Director.Name });
        var strangerGuest = await Step(editor, q[3], "hand", new() { ["guest"] = "Người không phải khách mời" });
        await Step(editor, q[0], "answer", new() { ["answer"] = "Nhà xưởng trong khu công nghiệp có quy hoạch 1/500 được miễn giấy phép.", ["secretary"] = "true", ["videoAt"] = "12:05" });
        var publish = await Step(editor, q[0], "publish");
        var again = await Step(editor, q[0], "publish");
        var questions = await Factory.QuestionsAsync(site, id);
        var history = await Factory.HistoryAsync(site, id);
        var consolePage = WebUtility.HtmlDecode(await editor.Http.GetStringAsync(console));
        var publicPage = WebUtility.HtmlDecode(await citizen.Http.GetStringAsync($"/{prefix}/doi-thoai/dieu-phoi"));

        // Without the permission: the admin's "denied" page, which answers 403.
        Assert.Contains("/admin/denied", forbiddenPage.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Http.GetAsync(forbiddenPage.Headers.Location)).StatusCode);
        Assert.Contains("/admin/denied", forbiddenStep.Headers.Location!.ToString());
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Contains("Vui lòng nêu lý do từ chối.", noReasonMessage);
        Assert.Contains("Hãy chuyển câu hỏi cho một khách mời trước", earlyMessage);
        Assert.Equal(HttpStatusCode.Redirect, earlyAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, strangerGuest.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var first = questions.Single(x => x.Id == q[0]);
        Assert.Equal(DialogueQuestionState.Published, first.State);
        Assert.Equal("Xin hỏi về thủ tục cấp phép xây dựng nhà xưởng", first.Text);
        Assert.Equal("Xin hoi ve thu tuc cap phep xay dung nha xuong", first.OriginalText);
        Assert.Equal(DialogueData.Director.Name, first.GuestName);
        Assert.True(first.TypedBySecretary);
        Assert.Equal($"btv-{prefix}", first.AnswerTypedBy);
        Assert.Equal(725, first.VideoSeconds);
        Assert.Equal(1, first.Sequence);
        Assert.Equal(DialogueQuestionState.Merged, questions.Single(x => x.Id == q[1]).State);
        Assert.Equal(q[0], questions.Single(x => x.Id == q[1]).MergedIntoId);
        Assert.Equal("Không liên quan đến chủ đề", questions.Single(x => x.Id == q[2]).RejectionReason);
        Assert.Equal(DialogueQuestionState.Accepted, questions.Single(x => x.Id == q[3]).State);
        Assert.Null(questions.Single(x => x.Id == q[3]).GuestName);
        Assert.True(questions.Single(x => x.Id == q[3]).SortOrder < first.SortOrder, "moved up past the first");
        Assert.Equal(1, (await Factory.RecordAsync(site, id)).LastSequence);

        var edit = history.Single(h => h.Kind == DialogueHistoryKind.Edited);
        Assert.Equal(("Xin hoi ve thu tuc cap phep xay dung nha xuong", "Xin hỏi về thủ tục cấp phép xây dựng nhà xưởng", $"btv-{prefix}"), (edit.Before, edit.After, edit.ActorName));
        Assert.Equal(
            [DialogueHistoryKind.Accepted, DialogueHistoryKind.Edited, DialogueHistoryKind.Merged, DialogueHistoryKind.Rejected, DialogueHistoryKind.Accepted, DialogueHistoryKind.Reordered, DialogueHistoryKind.Handed, DialogueHistoryKind.Answered, DialogueHistoryKind.Published],
            history.Where(h => h.Kind != DialogueHistoryKind.Submitted).Select(h => h.Kind));
        Assert.All(history.Where(h => h.Kind != DialogueHistoryKind.Submitted), h => Assert.Equal($"btv-{prefix}", h.ActorName));
        Assert.Contains("thư ký", history.Single(h => h.Kind == DialogueHistoryKind.Answered).Note, StringComparison.OrdinalIgnoreCase);

        Assert.Contains("Không thể công bố câu hỏi đang ở trạng thái \"Đã công bố\"", consolePage);
        Assert.Contains("Xin hỏi về thủ tục cấp phép xây dựng nhà xưởng", publicPage);
        Assert.Contains("Nhà xưởng trong khu công nghiệp có quy hoạch 1/500 được miễn giấy phép.", publicPage);
        Assert.Contains("https://youtu.be/dQw4w9WgXcQ?t=725", publicPage);
        Assert.DoesNotContain("Quảng cáo dịch vụ", publicPage);
        Assert.DoesNotContain("Câu hỏi thứ tư", publicPage);
        Assert.DoesNotContain("Câu hỏi trùng", publicPage);
    }

    [Fact]
    public async Task Sequence_numbers_are_dense_and_increasing_per_dialogue_even_when_two_publish_at_once()
    {
        var site = await Factory.ProvisionAsync("xa-dt-stt");
        var one = await Factory.AddDialogueAsync(site, "thu-tu-mot", Now.AddDays(1), Now.AddDays(1).AddHours(2));
        var two = await Factory.AddDialogueAsync(site, "thu-tu-hai", Now.AddDays(1), Now.AddDays(1).AddHours(2));
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await Factory.AnsweredQuestionAsync(site, one, $"Câu hỏi số {i} của buổi thứ nhất"));
        }

        var other = await Factory.AnsweredQuestionAsync(site, two, "Câu hỏi của buổi thứ hai");

        Task<int?> PublishAsync(string dialogue, int question) => Factory.InSiteAsync(site, async sp =>
        {
            try
            {
                return (int?)await sp.GetRequiredService<DialogueModeration>().PublishAsync(dialogue, question, DialogueData.Moderator, CancellationToken.None);
            }
            catch (DialogueModerationException)
            {
                return null;
            }
        });

        var pairs = await Task.WhenAll(PublishAsync(one, ids[0]), PublishAsync(one, ids[1]));
        var same = await Task.WhenAll(PublishAsync(one, ids[2]), PublishAsync(one, ids[2]));
        var rest = await Task.WhenAll(PublishAsync(one, ids[3]), PublishAsync(one, ids[4]), PublishAsync(one, ids[5]), PublishAsync(two, other));
        var questions = await Factory.QuestionsAsync(site, one);
        var after = await Factory.InSiteAsync(site, sp => sp.GetRequiredService<DialogueQueries>().PublishedAfterAsync(one, 4, CancellationToken.None));

        Assert.Equal([1, 2], pairs.Select(p => p!.Value).Order());
        Assert.Single(same, s => s is not null);
        Assert.Single(same, s => s is null);
        Assert.Equal(1, rest[3]);
        Assert.Equal([1, 2, 3, 4, 5, 6], questions.Select(q => q.Sequence!.Value).Order());
        Assert.Equal(6, (await Factory.RecordAsync(site, one)).LastSequence);
        Assert.Equal([5, 6], after.Select(q => q.Sequence!.Value));
        Assert.Equal(1, (await Factory.RecordAsync(site, two)).LastSequence);
    }

    [Fact]
    public async Task An_ended_dialogue_reads_as_a_transcript_with_guests_video_and_times_and_is_in_the_sitemap()
    {
        var site = await Factory.ProvisionAsync("xa-dt-lt");
        var id = await Factory.AddDialogueAsync(site, "luu-tru", Now.AddHours(1), Now.AddHours(3), title: "Đối thoại về chuyển đổi số");
        var first = await Factory.AnsweredQuestionAsync(site, id, "Câu hỏi thứ nhất về dịch vụ công trực tuyến", DialogueData.Chairman.Name);
        var second = await Factory.AnsweredQuestionAsync(site, id, "Câu hỏi thứ hai <script>alert('x')</script> về chữ ký số", DialogueData.Director.Name);
        await Factory.InSiteAsync(site, async sp =>
        {
            var moderation = sp.GetRequiredService<DialogueModeration>();
            await moderation.PublishAsync(id, first, DialogueData.Moderator, CancellationToken.None);
            return await moderation.PublishAsync(id, second, DialogueData.Moderator, CancellationToken.None);
        });
        var client = Factory.CreateClient();

        var (raw, stage) = await ShiftedAsync(TimeSpan.FromHours(4), async () =>
        {
            await Factory.RunStageJobAsync();
            return (await client.GetStringAsync("/xa-dt-lt/doi-thoai/luu-tru"), (await Factory.RecordAsync(site, id)).Stage);
        });
        var page = WebUtility.HtmlDecode(raw);
        var sitemap = await client.GetStringAsync("/xa-dt-lt/sitemap.xml");

        Assert.Equal(DialogueStage.Ended, stage);
        Assert.Contains("Nội dung buổi đối thoại", page);
        Assert.DoesNotContain("name=\"challengeToken\"", page);
        Assert.True(page.IndexOf("Câu hỏi thứ nhất", StringComparison.Ordinal) < page.IndexOf("Câu hỏi thứ hai", StringComparison.Ordinal));
        Assert.Contains("data-sequence=\"1\"", raw);
        Assert.Contains("data-sequence=\"2\"", raw);
        Assert.Contains("<strong>Ông Trần Quốc Hưng</strong>", page);
        Assert.Contains(", Chủ tịch UBND tỉnh</span>", page);
        Assert.Contains("src=\"/xa-dt-lt/media/lanh-dao/chu-tich.jpg\"", page);
        Assert.Contains("Người Hỏi hỏi:", page);
        Assert.Contains("Trả lời cho: Câu hỏi thứ nhất", page);
        Assert.Contains("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", page);
        Assert.Contains("https://youtu.be/dQw4w9WgXcQ?t=125", page);
        Assert.Contains("Xem trong video từ phút 2:05", page);
        Assert.Contains("&lt;script&gt;alert(", raw);
        Assert.DoesNotContain("<script>alert(", raw);
        Assert.Contains("/doi-thoai/luu-tru<", sitemap);
    }

    [Fact]
    public async Task The_demo_holds_an_ended_dialogue_with_its_transcript_and_an_upcoming_one_open_for_questions()
    {
        var site = await Factory.ProvisionAsync("xa-dt-demo");
        var demo = Factory.Service<RecipeCatalog>().Find("demo");
        await Factory.RunRecipeAsync(site, demo!.Steps.Single(s => s["name"]!.GetValue<string>() == "dialogues"));
        await Factory.RunRecipeAsync(site, demo.Steps.Single(s => s["name"]!.GetValue<string>() == "dialogues")); // idempotent
        var list = WebUtility.HtmlDecode(await Factory.CreateClient().GetStringAsync("/xa-dt-demo/doi-thoai"));
        var archive = WebUtility.HtmlDecode(await Factory.CreateClient().GetStringAsync("/xa-dt-demo/doi-thoai/doi-thoai-doanh-nghiep-go-vuong-mat-bang-cap-phep"));
        var upcoming = WebUtility.HtmlDecode(await Factory.CreateClient().GetStringAsync("/xa-dt-demo/doi-thoai/giao-luu-thanh-nien-khoi-nghiep-chuyen-doi-so"));
        var ended = await Factory.QuestionsAsync(site, "doi-thoai-doanh-nghiep-2026");
        var citizen = AdminClient.Create(Factory);
        var asked = await DialogueData.AskAsync(citizen, "/xa-dt-demo/doi-thoai/giao-luu-thanh-nien-khoi-nghiep-chuyen-doi-so", Question("Xin hỏi điều kiện vay vốn khởi nghiệp cho thanh niên nông thôn?"));

        Assert.Equal(DialogueStage.Ended, (await Factory.RecordAsync(site, "doi-thoai-doanh-nghiep-2026")).Stage);
        Assert.Equal(DialogueStage.Upcoming, (await Factory.RecordAsync(site, "doi-thoai-thanh-nien-khoi-nghiep")).Stage);
        Assert.True(ended.Count(q => q.State == DialogueQuestionState.Published) >= 10);
        Assert.Equal(Enumerable.Range(1, ended.Count), ended.Select(q => q.Sequence!.Value).Order());
        Assert.True(ended.Select(q => q.GuestName).Distinct().Count() >= 4);
        Assert.True(list.IndexOf("Giao lưu trực tuyến", StringComparison.Ordinal) < list.IndexOf("Chủ tịch UBND tỉnh đối thoại", StringComparison.Ordinal));
        Assert.Equal(ended.Count, CountOf(archive, "class=\"dlg-entry\""));
        Assert.Contains("Ông Trần Quốc Hưng", archive);
        Assert.Contains("name=\"challengeToken\"", upcoming);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_beside_the_field_or_with_400_never_a_500()
    {
        var site = await Factory.ProvisionAsync("xa-dt-xau");
        var id = await Factory.AddDialogueAsync(site, "dau-vao-xau", Now.AddDays(1), Now.AddDays(1).AddHours(2));
        var citizen = AdminClient.Create(Factory);
        const string page = "/xa-dt-xau/doi-thoai/dau-vao-xau";

        var oversized = await DialogueData.AskAsync(citizen, page, Question(new string('ạ', 100_000), new string('B', 500)));
        var oversizedPage = WebUtility.HtmlDecode(await oversized.Content.ReadAsStringAsync());
        var control = await DialogueData.AskAsync(citizen, page, Question("Câu hỏi có ký tự \u0000 NUL ở giữa"));
        var notBoolean = Question("Câu hỏi với giá trị hiện tên không phải đúng sai");
        notBoolean["ShowName"] = "có lẽ";
        var odd = await DialogueData.AskAsync(citizen, page, notBoolean);
        var script = await DialogueData.AskAsync(citizen, page, Question("<script>alert(1)</script><img src=x onerror=alert(2)> Xin hỏi?", "<b>Tên</b>", true));
        var unknown = await citizen.Http.PostAsync("/xa-dt-xau/doi-thoai/khong-co/gui-cau-hoi", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var questions = await Factory.QuestionsAsync(site, id);

        Assert.Equal(HttpStatusCode.OK, oversized.StatusCode);
        Assert.Contains("Câu hỏi tối đa 2000 ký tự", oversizedPage);
        Assert.Contains("Họ tên tối đa 150 ký tự", oversizedPage);
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.True(odd.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{odd.StatusCode}");
        Assert.Equal(HttpStatusCode.Redirect, script.StatusCode);
        Assert.True(unknown.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{unknown.StatusCode}");
        var stored = questions.Single(q => q.Text.StartsWith("<script>", StringComparison.Ordinal));
        Assert.Equal("<script>alert(1)</script><img src=x onerror=alert(2)> Xin hỏi?", stored.Text);
        Assert.Equal("<b>Tên</b>", stored.SenderName);
        Assert.DoesNotContain(questions, q => q.Text.Contains("NUL", StringComparison.Ordinal));

        var admin = await AdminClient.SignedInAsync(Factory);
        var foreign = await admin.Http.GetAsync("/admin/doi-thoai/" + id); // another site's dialogue from the default site's admin
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

public sealed class DialogueTestsSqlite(DialogueSqliteFixture fixture) : DialogueTests<DialogueSqliteFixture>(fixture), IClassFixture<DialogueSqliteFixture>;

public sealed class DialogueTestsPostgres(DialoguePostgresFixture fixture) : DialogueTests<DialoguePostgresFixture>(fixture), IClassFixture<DialoguePostgresFixture>;
