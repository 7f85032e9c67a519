using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Calendar;
using Portal.Core.Contents;
using Portal.Core.Recipes;
using Portal.Core.Setup;
using Portal.Core.Tenancy;
using Portal.Questions.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Questions;

/// <summary>
/// The public Q&amp;A pages, the rating, the board's statistics and the demo, on SQLite and on
/// PostgreSQL: what a citizen reads at /hoi-dap, what one vote does, what the board counts.
/// </summary>
public abstract class QuestionPublicTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    private static string Time(int day, string time = "09:00") => $"2026-03-{day:D2}T{time}:00+07:00";

    [Fact]
    public async Task The_list_shows_answers_newest_first_filtered_by_field_agency_and_folded_text_and_paged()
    {
        var site = await Factory.ProvisionAsync("xa-hd-ds");
        var items = new List<JsonObject>();
        for (var i = 1; i <= 16; i++)
        {
            items.Add(QuestionData.Answered($"Câu hỏi số {i:D2} về đất ở", "dat-dai", "Sở Nông nghiệp và Môi trường", Time(2), Time(i + 2, "10:00")));
        }

        items.Add(QuestionData.Answered("Đăng ký thường trú ở Quảng Ninh", "tu-phap", "Công an tỉnh", Time(3), Time(25)));
        items.Add(QuestionData.Rejected("Quảng cáo vay tiền", Time(4)));
        items.Add(QuestionData.Open("Câu hỏi chưa trả lời", "giao-duc", "Sở Giáo dục và Đào tạo", Time(5)));
        await Factory.RunAsync(site, [.. items]);
        var client = Factory.CreateClient();

        var first = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-hd-ds/hoi-dap"));
        var second = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-hd-ds/hoi-dap?page=2"));
        var byField = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-hd-ds/hoi-dap?field=tu-phap"));
        var byAgency = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-hd-ds/hoi-dap?agency=" + Uri.EscapeDataString("Sở Nông nghiệp và Môi trường")));
        var folded = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-hd-ds/hoi-dap?q=quang+ninh"));
        var tooLong = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-hd-ds/hoi-dap?q=" + new string('a', 300)));

        Assert.Contains("Tìm thấy 17 câu hỏi đã được trả lời.", first);
        Assert.Contains("href=\"/xa-hd-ds/hoi-dap/gui-cau-hoi\"", first);
        Assert.Contains("href=\"/xa-hd-ds/hoi-dap/tra-cuu\"", first);
        Assert.DoesNotContain("Quảng cáo vay tiền", first);
        Assert.DoesNotContain("Câu hỏi chưa trả lời", first);
        Assert.True(first.IndexOf("Đăng ký thường trú ở Quảng Ninh", StringComparison.Ordinal) < first.IndexOf("Câu hỏi số 16", StringComparison.Ordinal), "newest answer first");
        Assert.True(first.IndexOf("Câu hỏi số 16", StringComparison.Ordinal) < first.IndexOf("Câu hỏi số 03", StringComparison.Ordinal));
        Assert.DoesNotContain("Câu hỏi số 01", first);
        Assert.Contains("Câu hỏi số 01", second);
        Assert.Contains("Câu hỏi số 02", second);
        Assert.DoesNotContain("Câu hỏi số 03", second);
        Assert.Contains("<option value=\"tu-phap\">Tư pháp, hộ tịch</option>", first);
        Assert.Contains("<option value=\"Công an tỉnh\">Công an tỉnh</option>", first);
        Assert.Contains("Tìm thấy 1 câu hỏi", byField);
        Assert.Contains("Tìm thấy 16 câu hỏi", byAgency);
        Assert.Contains("Tìm thấy 1 câu hỏi", folded);
        Assert.Contains("Đăng ký thường trú ở Quảng Ninh", folded);
        Assert.Contains("nội dung tìm kiếm quá dài", tooLong);
    }

    [Fact]
    public async Task The_answer_page_shows_the_question_and_answer_with_the_name_only_when_agreed_and_print()
    {
        var site = await Factory.ProvisionAsync("xa-hd-ct");
        await Factory.RunAsync(
            site,
            QuestionData.Answered("Cấp lại giấy khai sinh bị mất", "tu-phap", "Sở Tư pháp", Time(2, "08:00"), Time(9, "15:00"), showName: true, sender: "Trần Văn Đồng", answer: "<p>Được cấp bản sao <strong>từ sổ gốc</strong>.</p><script>alert(1)</script>"),
            QuestionData.Answered("Đổi thẻ bảo hiểm y tế", "bao-hiem", "Bảo hiểm xã hội tỉnh", Time(3), Time(10), showName: false, sender: "Lê Thị Kín"));
        var client = Factory.CreateClient();

        var response = await client.GetAsync("/xa-hd-ct/hoi-dap/cap-lai-giay-khai-sinh-bi-mat");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var other = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-hd-ct/hoi-dap/doi-the-bao-hiem-y-te"));
        var missing = await client.GetAsync("/xa-hd-ct/hoi-dap/khong-co");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), "the answer page is the same for everyone (cacheable)");
        Assert.Contains("<h1>Cấp lại giấy khai sinh bị mất</h1>", page);
        Assert.Contains("Tư pháp, hộ tịch", page);
        Assert.Contains("Sở Tư pháp", page);
        Assert.Contains("Trần Văn Đồng", page);
        Assert.Contains("02/03/2026", page);
        Assert.Contains("09/03/2026", page);
        Assert.Contains("<p>Được cấp bản sao <strong>từ sổ gốc</strong>.</p>", page);
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.Contains("data-print", page);
        Assert.Contains("Câu trả lời này có hữu ích không?", page);
        Assert.Contains("action=\"/xa-hd-ct/hoi-dap/cap-lai-giay-khai-sinh-bi-mat/danh-gia\"", page);
        Assert.DoesNotContain("Lê Thị Kín", other);
        Assert.DoesNotContain("nguoi.hoi@example.vn", other);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Publishing_and_taking_down_an_answer_evicts_the_cached_list()
    {
        var site = await Factory.ProvisionAsync("xa-hd-cache");
        await Factory.RunAsync(site, QuestionData.Answered("Câu hỏi đầu tiên", "khac", "UBND xã", Time(2), Time(3)));
        var client = Factory.CreateClient();
        Assert.Contains("Câu hỏi đầu tiên", await client.GetStringAsync("/xa-hd-cache/hoi-dap"));

        await using (var scope = Factory.Service<TenantScopeFactory>().CreateScope(site))
        {
            var id = (await Factory.PublishedAsync(site)).Single().ContentItemId;
            var item = await scope.ServiceProvider.GetRequiredService<Portal.Core.Persistence.PortalDbContext>().Set<ContentItem>().AsNoTracking().SingleAsync(c => c.ContentItemId == id && c.Latest);
            await scope.ServiceProvider.GetRequiredService<ContentManager>().UpsertAsync(new ContentUpsert("question", id, new ContentDraft(item.Title, item.Slug, item.Data) { Category = item.Category }, false, ContentActor.System));
        }

        var after = await client.GetStringAsync("/xa-hd-cache/hoi-dap");
        Assert.DoesNotContain("Câu hỏi đầu tiên", after);
        Assert.Contains("Tìm thấy 0 câu hỏi", after);
    }

    [Fact]
    public async Task A_visitor_rates_an_answer_once_and_the_counts_follow()
    {
        var site = await Factory.ProvisionAsync("xa-hd-dg");
        await Factory.RunAsync(site, QuestionData.Answered("Hỏi về hộ tịch", "tu-phap", "Sở Tư pháp", Time(2), Time(5)));
        const string answer = "/xa-hd-dg/hoi-dap/hoi-ve-ho-tich";
        var visitor = AdminClient.Create(Factory);
        var other = AdminClient.Create(Factory);

        var noToken = await visitor.Http.PostAsync(answer + "/danh-gia", new FormUrlEncodedContent(new Dictionary<string, string> { ["y"] = "co" }));
        var first = await visitor.PostFormAsync(answer + "/danh-gia?y=co", answer + "/danh-gia", new() { ["y"] = "co" });
        var second = await visitor.PostFormAsync(answer + "/danh-gia?y=khong", answer + "/danh-gia", new() { ["y"] = "khong" });
        var otherVote = await other.PostFormAsync(answer + "/danh-gia", answer + "/danh-gia", new() { ["y"] = "khong" });
        var json = new HttpRequestMessage(HttpMethod.Post, answer + "/danh-gia")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["y"] = "co", ["__RequestVerificationToken"] = await other.TokenAsync(answer + "/danh-gia") }),
        };
        json.Headers.Accept.ParseAdd("application/json");
        var again = JsonNode.Parse(await (await other.Http.SendAsync(json)).Content.ReadAsStringAsync())!;
        var thanks = WebUtility.HtmlDecode(await Factory.CreateClient().GetStringAsync(answer + "?danh-gia=da-ghi-nhan"));
        var row = (await Factory.PublishedAsync(site)).Single();
        var votes = await Factory.ReadAsync(site, db => db.Set<QuestionRating>().AsNoTracking().ToListAsync());

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(answer + "?danh-gia=da-ghi-nhan#danh-gia", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Contains("danh-gia=da-danh-gia", second.Headers.Location!.OriginalString);
        Assert.Contains("danh-gia=da-ghi-nhan", otherVote.Headers.Location!.OriginalString);
        Assert.False(again["counted"]!.GetValue<bool>());
        Assert.Equal(1, again["useful"]!.GetValue<int>());
        Assert.Equal(1, again["notUseful"]!.GetValue<int>());
        Assert.Contains("Cảm ơn bạn đã đánh giá câu trả lời.", thanks);
        Assert.Equal(1, row.UsefulCount);
        Assert.Equal(1, row.NotUsefulCount);
        Assert.Equal(2, votes.Count);
        Assert.All(votes, v => Assert.Equal("Sở Tư pháp", v.Agency));
        Assert.Equal(2, votes.Select(v => v.VisitorId).Distinct().Count());
    }

    [Fact]
    public async Task The_statistics_count_on_time_late_open_overdue_and_rejected_and_the_xlsx_has_the_same()
    {
        // 2 March 2026 is a Monday with no holiday in the next three weeks: 15 working days end on Monday 23 March.
        var site = await Factory.ProvisionAsync("xa-hd-tk");
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-ddTHH:mm:00+07:00", System.Globalization.CultureInfo.InvariantCulture);
        await Factory.RunAsync(
            site,
            QuestionData.Answered("Đúng hạn, cuối ngày hạn", "dat-dai", "Sở Nông nghiệp và Môi trường", Time(2), Time(23, "23:30")),
            QuestionData.Answered("Quá hạn, sau nửa đêm", "dat-dai", "Sở Nông nghiệp và Môi trường", Time(2), Time(24, "00:30")),
            QuestionData.Answered("Đúng hạn sớm", "xay-dung", "Sở Xây dựng", Time(2), Time(5)),
            QuestionData.Open("Đã quá hạn mà chưa trả lời", "xay-dung", "Sở Xây dựng", Time(2)),
            QuestionData.Open("Mới nhận hôm nay", "giao-duc", "Sở Giáo dục và Đào tạo", today, status: "received"),
            QuestionData.Rejected("Quảng cáo", Time(3)),
            QuestionData.Answered("Năm trước", "dat-dai", "Sở Xây dựng", "2025-06-02T09:00:00+07:00", "2025-06-04T09:00:00+07:00"));
        var cases = await Factory.ReadAsync(site, db => db.Set<QuestionCase>().AsNoTracking().ToListAsync());
        Assert.Equal(new DateOnly(2026, 3, 23), cases.Single(c => c.Title == "Đúng hạn sớm").AnswerDue);

        var visitor = AdminClient.Create(Factory);
        await visitor.PostFormAsync("/xa-hd-tk/hoi-dap/dung-han-som/danh-gia", "/xa-hd-tk/hoi-dap/dung-han-som/danh-gia", new() { ["y"] = "co" });
        var anonymous = await AdminClient.Create(Factory).Http.GetAsync("/xa-hd-tk/admin/hoi-dap/thong-ke");
        var admin = await AdminClient.SignedInAsync(Factory, prefix: "/xa-hd-tk");
        var page = WebUtility.HtmlDecode(await admin.Http.GetStringAsync($"/xa-hd-tk/admin/hoi-dap/thong-ke?from=2026-01-01&to={DateTime.UtcNow.AddHours(7):yyyy-MM-dd}"));
        var xlsx = await admin.Http.GetAsync($"/xa-hd-tk/admin/hoi-dap/thong-ke/xlsx?from=2026-01-01&to={DateTime.UtcNow.AddHours(7):yyyy-MM-dd}");

        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Contains("<strong>6</strong>; đã trả lời 3 (đúng hạn 2, quá hạn 1); đang xử lý 1; quá hạn chưa trả lời 1; không tiếp nhận 1.", page);
        Assert.Contains("<tr><th scope=\"row\">Sở Nông nghiệp và Môi trường</th><td>2</td><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td></tr>", page);
        Assert.Contains("<tr><th scope=\"row\">Sở Xây dựng</th><td>2</td><td>1</td><td>0</td><td>0</td><td>1</td><td>0</td></tr>", page);
        Assert.Contains("<tr><th scope=\"row\">Chưa giao cơ quan</th><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>", page);
        Assert.Contains("<tr><th scope=\"row\">03/2026</th><td>5</td><td>2</td><td>1</td><td>0</td><td>1</td><td>1</td></tr>", page);
        Assert.Contains("<tr><th scope=\"row\">Sở Xây dựng</th><td>1</td><td>0</td></tr>", page);
        Assert.Contains("<svg viewBox=", page);

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var byAgency = Rows(document, "Theo co quan");
        Assert.Equal(["Cơ quan trả lời", "Tiếp nhận", "Trả lời đúng hạn", "Trả lời quá hạn", "Đang xử lý (trong hạn)", "Quá hạn chưa trả lời", "Không tiếp nhận"], byAgency[1]);
        Assert.Contains(["Sở Nông nghiệp và Môi trường", "2", "1", "1", "0", "0", "0"], byAgency);
        Assert.Contains(["Sở Xây dựng", "2", "1", "0", "0", "1", "0"], byAgency);
        Assert.Equal(["Tổng cộng", "6", "2", "1", "1", "1", "1"], byAgency[^1]);
        Assert.Contains(["Xây dựng, nhà ở", "2", "1", "0", "0", "1", "0"], Rows(document, "Theo linh vuc"));
        Assert.Contains(["03/2026", "5", "2", "1", "0", "1", "1"], Rows(document, "Theo thang"));
        Assert.Contains(["Sở Xây dựng", "1", "0"], Rows(document, "Danh gia"));
    }

    [Fact]
    public async Task The_demo_has_thirty_answered_questions_two_of_them_answered_and_published_by_the_department()
    {
        var sites = Factory.Service<TenantCatalog>();
        await DemoSites.SetUpAsync(Factory.Service<TenantManager>(), sites, Factory.Service<RecipeCatalog>(), Factory.Service<WorkingDayCalendar>(), CancellationToken.None);
        await Factory.Service<TenantManager>().RunRecipeAsync("so-xay-dung", Factory.Service<RecipeCatalog>().Find("demo-so-xay-dung"));
        var province = sites.Default!;
        var department = sites.FindByName("so-xay-dung")!;

        var published = await Factory.PublishedAsync(province);
        var departmentPublished = await Factory.PublishedAsync(department);
        var cases = await Factory.ReadAsync(province, db => db.Set<QuestionCase>().AsNoTracking().ToListAsync());
        var departmentCases = await Factory.ReadAsync(department, db => db.Set<QuestionCase>().AsNoTracking().ToListAsync());
        var steps = await Factory.ReadAsync(province, db => db.Set<QuestionStep>().AsNoTracking().CountAsync());
        var list = WebUtility.HtmlDecode(await Factory.CreateClient().GetStringAsync("/hoi-dap"));
        var departmentList = WebUtility.HtmlDecode(await Factory.CreateClient().GetStringAsync("/so-xay-dung/hoi-dap"));
        var sitemap = await Factory.CreateClient().GetStringAsync("/sitemap.xml");

        Assert.True(published.Count >= 30, $"{published.Count} published questions");
        Assert.True(published.Select(p => p.Field).Distinct().Count() >= 6);
        Assert.True(published.Select(p => p.Agency).Distinct().Count() >= 6);
        Assert.All(cases, c => Assert.EndsWith("@example.vn", c.Email));
        Assert.All(cases.Where(c => c.Status == QuestionStatus.Published), c => Assert.NotNull(c.AnsweredUtc));
        Assert.True(cases.Any(c => c.Status == QuestionStatus.Rejected) && cases.Any(c => c.IsOpen));
        Assert.True(steps >= cases.Count * 2);
        Assert.Equal(2, cases.Count(c => c.AssignedTenantId == department.Id));
        Assert.Equal(2, departmentPublished.Count);
        Assert.All(departmentCases, c => Assert.Equal(province.Id, c.OriginTenantId));
        Assert.Equal(
            cases.Where(c => c.AssignedTenantId == department.Id).Select(c => c.TrackingCode).Order(),
            departmentCases.Select(c => c.TrackingCode).Order());
        Assert.Equal(departmentPublished.Select(p => p.Slug).Order(), published.Where(p => departmentPublished.Any(d => d.Slug == p.Slug)).Select(p => p.Slug).Order());
        Assert.Contains($"Tìm thấy {published.Count} câu hỏi", list);
        Assert.Contains("Tìm thấy 2 câu hỏi", departmentList);
        Assert.Contains("/hoi-dap/" + published[0].Slug + "<", sitemap);
    }

    private static List<string[]> Rows(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue!.Text).ToArray())];
    }
}

public sealed class QuestionPublicTestsSqlite(SqliteFixture fixture) : QuestionPublicTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class QuestionPublicTestsPostgres(PostgresFixture fixture) : QuestionPublicTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
