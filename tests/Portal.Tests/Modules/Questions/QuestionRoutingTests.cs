using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Mail;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Questions.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Questions;

/// <summary>
/// A citizen's question from the form to the published answer, as the people do it in the admin:
/// triage on the province, a transfer to a department (refused while it has nobody to answer),
/// the answer drafted, approved and published there through the content lifecycle, and the answer
/// back on the province with the chain of custody the sender can follow. On both providers.
/// </summary>
public abstract class QuestionRoutingTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    private Tenant Province => Factory.Service<TenantCatalog>().Default!;

    private async Task<T> InSiteAsync<T>(Tenant site, Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private Task<QuestionCase> CaseAsync(Tenant site, string code) =>
        InSiteAsync(site, db => db.Set<QuestionCase>().AsNoTracking().SingleAsync(q => q.TrackingCode == code));

    private async Task<AdminClient> UserAsync(Tenant site, string prefix, string userName, string role)
    {
        var path = prefix.Length == 0 ? "" : "/" + prefix;
        await Factory.CreateSiteAdministratorAsync(site, $"qt-{userName}", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, $"qt-{userName}", "Passw0rd-Q!", path);
        await admin.PostFormAsync($"{path}/admin/users/add", $"{path}/admin/users/add", new() { ["UserName"] = userName, ["Password"] = "Passw0rd-B!", ["Role"] = role });
        return await AdminClient.SignedInAsync(Factory, userName, "Passw0rd-B!", path);
    }

    [Fact]
    public async Task A_question_goes_to_a_department_is_answered_there_and_comes_back_published_with_its_chain()
    {
        var department = await Factory.ProvisionAsync("so-xay-dung-hd", "Department");
        var citizen = AdminClient.Create(Factory);
        var code = await QuestionForm.SubmitAsync(citizen, "", QuestionForm.Fields("Xin phép xây nhà ở riêng lẻ tại xã"));
        var board = await AdminClient.SignedInAsync(Factory);
        var question = await CaseAsync(Province, code);
        var casePage = $"/admin/hoi-dap/{question.Id}";

        // Nobody answers questions at the department yet: the transfer is refused with the reason.
        var refused = await board.PostFormAsync(casePage, $"{casePage}/chuyen", new() { ["target"] = department.Id.ToString(), ["reason"] = "Thuộc thẩm quyền Sở Xây dựng" });
        var refusedPage = await refused.Content.ReadAsStringAsync();
        var stillHere = await CaseAsync(Province, code);

        var responder = await UserAsync(department, "so-xay-dung-hd", "cb-xd-hd", "Responder");
        var approver = await AdminClient.SignedInAsync(Factory, "qt-cb-xd-hd", "Passw0rd-Q!", "/so-xay-dung-hd");
        var sent = await board.PostFormAsync(casePage, $"{casePage}/chuyen", new() { ["target"] = department.Id.ToString(), ["reason"] = "Thuộc thẩm quyền Sở Xây dựng" });
        var atDepartment = await CaseAsync(department, code);
        var inbox = await responder.Http.GetStringAsync("/so-xay-dung-hd/admin/hoi-dap/duoc-giao");

        // The responder drafts the answer, the department's administrator approves and publishes it.
        var deptCase = $"/so-xay-dung-hd/admin/hoi-dap/{atDepartment.Id}";
        var drafted = await responder.PostFormAsync(deptCase, $"{deptCase}/soan-tra-loi", []);
        var editor = drafted.Headers.Location!.ToString();
        await responder.PostFormAsync(editor, editor, new()
        {
            ["Title"] = "Xin phép xây nhà ở riêng lẻ tại xã",
            ["Question"] = "Xây nhà ở riêng lẻ trên đất ở đã có giấy chứng nhận có cần giấy phép không?",
            ["Answer"] = "<p>Nhà ở riêng lẻ ở nông thôn không thuộc khu vực có quy hoạch được miễn giấy phép.</p><script>alert(1)</script>",
            ["Answerer"] = "Phòng Quản lý xây dựng",
            ["Agency"] = "Sở Xây dựng",
            ["Listed"] = "false",
        });
        await responder.PostFormAsync(editor, $"{editor}/submit", []);
        await approver.PostFormAsync(editor, $"{editor}/approve", []);
        var published = await approver.PostFormAsync(editor, $"{editor}/publish", []);

        var back = await CaseAsync(Province, code);
        var lookup = await citizen.Http.GetStringAsync($"/hoi-dap/tra-cuu?ma={code}");
        var mail = await InSiteAsync(Province, db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.To == "nguoi.hoi@example.vn").Select(m => m.Key).ToListAsync());
        var provinceAnswer = await InSiteAsync(Province, db => db.Set<PublishedQuestion>().AsNoTracking().SingleOrDefaultAsync(p => p.ContentItemId == back.AnswerContentItemId));
        var departmentListed = await InSiteAsync(department, db => db.Set<PublishedQuestion>().AsNoTracking().CountAsync());
        var chain = await InSiteAsync(Province, db => db.Set<QuestionStep>().AsNoTracking().Where(s => s.CaseId == back.Id).OrderBy(s => s.Id).Select(s => s.Kind).ToListAsync());

        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Contains("chưa có cán bộ trả lời hỏi đáp", refusedPage);
        Assert.Equal(QuestionStatus.Received, stillHere.Status);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(QuestionSource.Transfer, atDepartment.Source);
        Assert.Equal(Province.Id, atDepartment.OriginTenantId);
        Assert.Equal("nguoi.hoi@example.vn", atDepartment.Email);
        Assert.Contains(code, inbox);
        Assert.Contains("menu-count", inbox);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(QuestionStatus.Published, back.Status);
        Assert.Equal("Sở Xây dựng", back.AgencyName);
        Assert.NotNull(provinceAnswer);
        Assert.DoesNotContain("<script", provinceAnswer!.Answer);
        Assert.Equal(0, departmentListed);
        Assert.Contains("Chuyển Xã so-xay-dung-hd trả lời theo thẩm quyền", lookup);
        Assert.Contains("Đã trả lời và công khai", lookup);
        Assert.DoesNotContain("0912 345 678", lookup);
        Assert.DoesNotContain("nguoi.hoi@example.vn", lookup);
        Assert.Equal([$"question-answered-{code}", $"question-received-{code}"], mail.Order());
        Assert.Equal([QuestionStepKind.Received, QuestionStepKind.Transferred, QuestionStepKind.Note, QuestionStepKind.Published], chain);
    }

    [Fact]
    public async Task A_rejected_question_tells_the_sender_why_and_the_form_keeps_a_citizens_text_beside_the_messages()
    {
        var citizen = AdminClient.Create(Factory);
        var invalid = await QuestionForm.PostAsync(citizen, "", new() { ["SenderName"] = "", ["Email"] = "khong-phai-thu", ["Title"] = "Hỏi về học phí năm học mới", ["Content"] = "ngắn", ["Field"] = "giao-duc" });
        var invalidPage = await invalid.Content.ReadAsStringAsync();
        var unsolved = await QuestionForm.PostAsync(citizen, "", QuestionForm.Fields("Câu hỏi không giải thử thách"), solve: false);
        var unsolvedPage = await unsolved.Content.ReadAsStringAsync();

        var code = await QuestionForm.SubmitAsync(citizen, "", QuestionForm.Fields("Câu hỏi ngoài phạm vi của tỉnh", "ngoai.pham.vi@example.vn"));
        var board = await AdminClient.SignedInAsync(Factory);
        var question = await CaseAsync(Province, code);
        var page = $"/admin/hoi-dap/{question.Id}";
        var noReason = await board.PostFormAsync(page, $"{page}/tu-choi", new() { ["rejection"] = "" });
        await board.PostFormAsync(page, $"{page}/tu-choi", new() { ["rejection"] = "OutOfScope", ["reason"] = "Đề nghị gửi Bộ Giáo dục và Đào tạo" });
        var lookup = await citizen.Http.GetStringAsync($"/hoi-dap/tra-cuu?ma={code.ToLowerInvariant().Replace("-", " ")}");
        var mail = await InSiteAsync(Province, db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.To == "ngoai.pham.vi@example.vn").Select(m => m.Subject).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Hãy nhập họ và tên.", invalidPage);
        Assert.Contains("không phải địa chỉ thư điện tử hợp lệ", invalidPage);
        Assert.Contains("Nội dung quá ngắn", invalidPage);
        Assert.Contains("value=\"Hỏi về học phí năm học mới\"", System.Net.WebUtility.HtmlDecode(invalidPage));
        Assert.Contains("Chưa hoàn tất bước kiểm tra", unsolvedPage);
        Assert.Contains("Câu hỏi không giải thử thách", System.Net.WebUtility.HtmlDecode(unsolvedPage));
        Assert.Equal((HttpStatusCode)422, noReason.StatusCode);
        Assert.Contains("Không tiếp nhận", lookup);
        Assert.Contains("không thuộc phạm vi trả lời của cổng (Đề nghị gửi Bộ Giáo dục và Đào tạo)", lookup);
        Assert.Equal(2, mail.Count);
    }

    [Fact]
    public async Task An_extension_moves_the_deadline_publicly_and_a_responder_cannot_triage()
    {
        var citizen = AdminClient.Create(Factory);
        var code = await QuestionForm.SubmitAsync(citizen, "", QuestionForm.Fields("Hỏi về thời hạn cấp đổi giấy phép lái xe", "gia.han@example.vn"));
        var board = await AdminClient.SignedInAsync(Factory);
        var question = await CaseAsync(Province, code);
        var page = $"/admin/hoi-dap/{question.Id}";
        await board.PostFormAsync(page, $"{page}/tiep-nhan", []);
        var noReason = await board.PostFormAsync(page, $"{page}/gia-han", new() { ["days"] = "5", ["reason"] = " " });
        await board.PostFormAsync(page, $"{page}/gia-han", new() { ["days"] = "5", ["reason"] = "Cần lấy ý kiến Cục Đường bộ" });
        var extended = await CaseAsync(Province, code);
        var lookup = await citizen.Http.GetStringAsync($"/hoi-dap/tra-cuu?ma={code}");
        var responder = await UserAsync(Province, "", "cb-tinh-hd", "Responder");
        var triage = await responder.Http.GetAsync("/admin/hoi-dap");
        var reject = await responder.PostFormAsync($"/admin/hoi-dap/{question.Id}", $"/admin/hoi-dap/{question.Id}/tu-choi", new() { ["rejection"] = "Spam" });

        Assert.Equal((HttpStatusCode)422, noReason.StatusCode);
        Assert.Equal(Factory.Service<Portal.Core.Calendar.IWorkingDayCalendar>().AddWorkingDays(question.AnswerDue, 5), extended.AnswerDue);
        Assert.Contains("Cần lấy ý kiến Cục Đường bộ", lookup);
        Assert.Contains("/admin/denied", triage.Headers.Location!.ToString());
        Assert.Contains("/admin/denied", reject.Headers.Location!.ToString());
        Assert.Equal(QuestionStatus.Accepted, (await CaseAsync(Province, code)).Status);
    }
    [Fact]
    public async Task An_agency_forwards_onward_and_sends_back_and_the_citizens_site_keeps_every_hop()
    {
        var first = await Factory.ProvisionAsync("so-tn-hd", "Department");
        var second = await Factory.ProvisionAsync("xa-chuyen-tiep-hd");
        var atFirst = await UserAsync(first, "so-tn-hd", "cb-tn-hd", "Responder");
        var atSecond = await UserAsync(second, "xa-chuyen-tiep-hd", "cb-xa-ct-hd", "Responder");
        var citizen = AdminClient.Create(Factory);
        var code = await QuestionForm.SubmitAsync(citizen, "", QuestionForm.Fields("Tranh chấp ranh giới đất giữa hai hộ", "ranh.gioi@example.vn"));
        var board = await AdminClient.SignedInAsync(Factory);
        var origin = await CaseAsync(Province, code);
        var casePage = $"/admin/hoi-dap/{origin.Id}";
        await board.PostFormAsync(casePage, $"{casePage}/chuyen", new() { ["target"] = first.Id.ToString(), ["reason"] = "Đất đai: Sở" });

        // The department is not competent and forwards to the commune; the commune sends it back to the province.
        var firstCase = await CaseAsync(first, code);
        var firstPage = $"/so-tn-hd/admin/hoi-dap/{firstCase.Id}";
        var forwarded = await atFirst.PostFormAsync(firstPage, $"{firstPage}/chuyen", new() { ["target"] = second.Id.ToString(), ["reason"] = "Hòa giải tranh chấp đất thuộc UBND xã" });
        var secondCase = await CaseAsync(second, code);
        var secondPage = $"/xa-chuyen-tiep-hd/admin/hoi-dap/{secondCase.Id}";
        await atSecond.PostFormAsync(secondPage, $"{secondPage}/thong-bao", new() { ["notice"] = "Xã đang mời hai hộ đến hòa giải" });
        var sentBack = await atSecond.PostFormAsync(secondPage, $"{secondPage}/chuyen", new() { ["target"] = Province.Id.ToString(), ["reason"] = "Hòa giải không thành, đề nghị tỉnh trả lời" });

        var back = await CaseAsync(Province, code);
        var chain = await InSiteAsync(Province, db => db.Set<QuestionStep>().AsNoTracking().Where(s => s.CaseId == back.Id).OrderBy(s => s.Id).ToListAsync());
        var lookup = await citizen.Http.GetStringAsync($"/hoi-dap/tra-cuu?ma={code}");
        var provinceCases = await InSiteAsync(Province, db => db.Set<QuestionCase>().CountAsync(q => q.TrackingCode == code));
        var notices = await InSiteAsync(Province, db => db.Set<OutboxMessage>().CountAsync(m => m.To == "ranh.gioi@example.vn" && m.Key.StartsWith("question-notice-")));

        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);
        Assert.Equal(QuestionStatus.Assigned, (await CaseAsync(first, code)).Status);
        Assert.Equal(Province.Id, secondCase.OriginTenantId);
        Assert.Equal(origin.Id, secondCase.OriginCaseId);
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        Assert.Equal(1, provinceCases);
        Assert.Equal(QuestionStatus.Accepted, back.Status);
        Assert.Null(back.AssignedTenantId);
        Assert.Equal(
            [QuestionStepKind.Received, QuestionStepKind.Transferred, QuestionStepKind.Transferred, QuestionStepKind.ProgressNotice, QuestionStepKind.TransferReceived],
            chain.Select(s => s.Kind));
        Assert.Equal(second.Id, chain[2].ToTenantId);
        Assert.Contains("Hòa giải tranh chấp đất thuộc UBND xã", chain[2].Note);
        Assert.Contains("Xã đang mời hai hộ đến hòa giải", lookup);
        Assert.Contains($"Chuyển {second.DisplayName} trả lời theo thẩm quyền", lookup);
        Assert.Equal(1, notices);
    }
}

public sealed class QuestionRoutingTestsSqlite(SqliteFixture fixture) : QuestionRoutingTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class QuestionRoutingTestsPostgres(PostgresFixture fixture) : QuestionRoutingTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
