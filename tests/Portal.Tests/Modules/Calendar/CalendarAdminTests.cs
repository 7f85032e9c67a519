using System.Net;
using Portal.Core.Calendar;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Calendar;

/// <summary><c>/admin/ngay-nghi</c> as the province's administrator, an editor, a commune and another province-level site see it.</summary>
public sealed class CalendarAdminTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private const string List = "/admin/ngay-nghi";
    private const string Create = List + "/create";

    private PortalFactory Factory => fixture.Factory;

    /// <summary>A refused admin request redirects to the "denied" page, which answers 403.</summary>
    private static async Task<HttpStatusCode> FollowAsync(AdminClient client, HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return response.StatusCode;
        }

        Assert.Contains("/admin/denied", response.Headers.Location!.ToString());
        return (await client.Http.GetAsync(response.Headers.Location)).StatusCode;
    }

    [Fact]
    public async Task The_page_needs_a_sign_in_the_permission_and_the_province()
    {
        var admin = await AdminClient.SignedInAsync(Factory);
        await admin.PostFormAsync("/admin/users/add", "/admin/users/add", new() { ["UserName"] = "btv-ngay-nghi", ["Password"] = "Passw0rd-N!", ["Role"] = "Editor" });
        var editor = await AdminClient.SignedInAsync(Factory, "btv-ngay-nghi", "Passw0rd-N!");
        var commune = await Factory.ProvisionAsync("xa-ngay-nghi");
        var otherProvince = await Factory.ProvisionAsync("tinh-lich-khac", level: "Province"); // the province recipe: the feature is on

        var anonymous = await AdminClient.Create(Factory).Http.GetAsync(List);
        var editorList = await editor.Http.GetAsync(List);
        var editorPost = await editor.Http.PostAsync(Create, new FormUrlEncodedContent(new Dictionary<string, string>()));
        var onCommune = await admin.Http.GetAsync($"/{commune.Prefix}{List}");
        var provinceMenu = await admin.Http.GetStringAsync("/admin");
        var communeMenu = await admin.Http.GetStringAsync($"/{commune.Prefix}/admin");
        var editorMenu = await editor.Http.GetStringAsync("/admin");
        var onOtherProvince = await admin.Http.GetAsync($"/{otherProvince.Prefix}{List}");
        var otherProvinceMenu = await admin.Http.GetStringAsync($"/{otherProvince.Prefix}/admin");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/admin/login", anonymous.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, await FollowAsync(editor, editorList));
        Assert.NotEqual(HttpStatusCode.OK, editorPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onCommune.StatusCode);
        Assert.Contains("Ngày nghỉ lễ, Tết", provinceMenu);
        Assert.DoesNotContain("Ngày nghỉ lễ, Tết", communeMenu);
        Assert.DoesNotContain("Ngày nghỉ lễ, Tết", editorMenu);
        Assert.Contains("Portal.Calendar", otherProvince.Features);
        Assert.Equal(HttpStatusCode.NotFound, onOtherProvince.StatusCode);
        Assert.DoesNotContain("Ngày nghỉ lễ, Tết", otherProvinceMenu);
    }

    [Fact]
    public async Task The_year_lists_its_days_and_a_year_without_days_is_flagged()
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        var year2026 = await admin.Http.GetStringAsync(List + "?year=2026");
        var year2027 = await admin.Http.GetStringAsync(List + "?year=2027");
        var year2040 = await admin.Http.GetStringAsync(List + "?year=2040");

        Assert.Contains("16/02/2026", year2026);
        Assert.Contains("Thứ Hai", year2026);
        Assert.Contains("Tết Nguyên đán", year2026);
        Assert.Contains("Nghỉ bù Giỗ Tổ Hùng Vương", year2026);
        Assert.Contains("250 ngày làm việc", year2026);
        Assert.Contains("Lịch dự kiến", year2027);
        Assert.Contains("Năm 2040 chưa có ngày nào trong lịch", year2040);
        Assert.Contains("<option value=\"2040\" selected=\"selected\">", year2040);
    }

    [Theory]
    [InlineData("?year=abc")]
    [InlineData("?year=99999")]
    [InlineData("?year=-5")]
    [InlineData("/create?year=1")]
    public async Task Odd_addresses_give_a_page_not_an_error(string query)
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(List + query)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync(List + "/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync(List + "/987654/delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync(List + "/99999999999")).StatusCode);
    }

    [Fact]
    public async Task The_form_shows_each_problem_beside_its_field_and_keeps_the_input()
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        var bad = await admin.PostFormAsync(Create, Create, new() { ["Date"] = "31/02/2036", ["Kind"] = "holiday", ["Name"] = "", ["Note"] = "ghi chú giữ lại" });
        var weekday = await admin.PostFormAsync(Create, Create, new() { ["Date"] = "2036-03-05", ["Kind"] = "compensating-working-day", ["Name"] = "Làm bù" });
        var weekend = await admin.PostFormAsync(Create, Create, new() { ["Date"] = "2036-03-08", ["Kind"] = "day-off-in-lieu", ["Name"] = "Nghỉ bù" });
        var taken = await admin.PostFormAsync(Create, Create, new() { ["Date"] = "2026-09-02", ["Kind"] = "holiday", ["Name"] = "Quốc khánh" });
        var unknownKind = await admin.PostFormAsync(Create, Create, new() { ["Date"] = "2036-03-05", ["Kind"] = "<script>", ["Name"] = "X" });
        var noToken = await admin.Http.PostAsync(Create, new FormUrlEncodedContent(new Dictionary<string, string> { ["Date"] = "2036-03-09", ["Kind"] = "holiday", ["Name"] = "Không có mã" }));
        var badHtml = await bad.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Ngày không hợp lệ", badHtml);
        Assert.Contains("Nhập tên ngày", badHtml);
        Assert.Contains("ghi chú giữ lại", badHtml);
        Assert.Matches("data-valmsg-for=\"Name\"[^>]*>Nhập tên ngày", badHtml);
        Assert.Contains("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật", await weekday.Content.ReadAsStringAsync());
        Assert.Contains("Ngày nghỉ bù phải là một ngày từ thứ Hai đến thứ Sáu", await weekend.Content.ReadAsStringAsync());
        Assert.Contains("Ngày này đã có trong lịch", await taken.Content.ReadAsStringAsync());
        Assert.Contains("Chọn loại ngày", await unknownKind.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.False(Factory.Service<IWorkingDayCalendar>().HasDataFor(2036));
    }

    [Fact]
    public async Task Add_edit_and_delete_after_a_confirmation_change_the_calendar_at_once()
    {
        var admin = await AdminClient.SignedInAsync(Factory);
        var calendar = Factory.Service<IWorkingDayCalendar>();

        var added = await admin.PostFormAsync(Create + "?year=2032", Create, new() { ["Date"] = "2032-01-03", ["Kind"] = "compensating-working-day", ["Name"] = "Làm bù", ["Note"] = "Thử" });
        var listed = await admin.Http.GetStringAsync(added.Headers.Location!.ToString());
        var workingAfterAdd = calendar.IsWorkingDay(new DateOnly(2032, 1, 3));
        var id = System.Text.RegularExpressions.Regex.Match(listed, "href=\"/admin/ngay-nghi/(\\d+)\"").Groups[1].Value;

        var edit = $"{List}/{id}";
        var editForm = await admin.Http.GetStringAsync(edit);
        var saved = await admin.PostFormAsync(edit, edit, new() { ["Date"] = "2032-01-03", ["Kind"] = "holiday", ["Name"] = "Nghỉ đã sửa" });
        var workingAfterEdit = calendar.IsWorkingDay(new DateOnly(2032, 1, 3));
        var confirm = await admin.Http.GetStringAsync(edit + "/delete");
        var deleted = await admin.PostFormAsync(edit + "/delete", edit + "/delete", []);
        var afterDelete = await admin.Http.GetStringAsync(deleted.Headers.Location!.ToString());
        var deletedAgain = await admin.PostFormAsync(Create, edit + "/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/admin/ngay-nghi?year=2032", added.Headers.Location!.ToString());
        Assert.Contains("Đã thêm ngày 03/01/2032 (Làm bù) vào lịch.", listed);
        Assert.True(workingAfterAdd);
        Assert.Contains("value=\"2032-01-03\"", editForm);
        Assert.Contains("value=\"compensating-working-day\" selected=\"selected\"", editForm);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.False(workingAfterEdit);
        Assert.Contains("Nghỉ đã sửa", confirm);
        Assert.Contains("Xóa ngày này", confirm);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("Đã xóa ngày 03/01/2032 (Nghỉ đã sửa) khỏi lịch.", afterDelete);
        Assert.Contains("Năm 2032 chưa có ngày nào trong lịch", afterDelete);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2032, 1, 3)));
        Assert.False(calendar.HasDataFor(2032));
    }
}
