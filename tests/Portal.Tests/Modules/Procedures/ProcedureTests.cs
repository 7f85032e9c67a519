using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Procedures;

/// <summary>
/// A stand-in for the legal-documents module's resolver: a real <see cref="IContentReferenceResolver"/>
/// over a tiny fixed gazette, so the procedure pages' legal-basis links can be shown to work
/// without depending on that module.
/// </summary>
internal sealed class GazetteResolver : IContentReferenceResolver
{
    private static readonly Dictionary<string, ContentReference> Gazette = new(StringComparer.Ordinal)
    {
        ["123/2015/NĐ-CP"] = new("Nghị định quy định chi tiết Luật Hộ tịch", "~/van-ban/nghi-dinh-123-2015-nd-cp"),
        ["60/2014/QH13"] = new("Luật Hộ tịch", "~/van-ban/luat-ho-tich-60-2014-qh13"),
    };

    public string Type => "legal-document";

    public Task<IReadOnlyDictionary<string, ContentReference>> ResolveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, ContentReference>>(keys.Where(Gazette.ContainsKey).ToDictionary(k => k, k => Gazette[k]));
}

public abstract class ProcedureFixture(DatabaseProvider provider) : PortalFixture(provider)
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddScoped<IContentReferenceResolver, GazetteResolver>();
}

public sealed class ProcedureSqliteFixture() : ProcedureFixture(DatabaseProvider.Sqlite);

public sealed class ProcedurePostgresFixture() : ProcedureFixture(DatabaseProvider.Postgres);

/// <summary>
/// Administrative procedures as a province, its communes and citizens use them, on SQLite and on
/// PostgreSQL: import, the public lookup, sharing the province's procedures down, isolation,
/// the admin's rights and encoding of what editors type.
/// </summary>
public abstract class ProcedureTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    private Tenant Province => Factory.Service<TenantCatalog>().Default!;

    private static JsonObject Fields(string code, string name, string level = "Commune", string field = "Hộ tịch", string online = "full", string agency = "Ủy ban nhân dân cấp xã") => new()
    {
        ["code"] = code,
        ["name"] = name,
        ["field"] = field,
        ["level"] = level,
        ["agency"] = agency,
        ["steps"] = new JsonArray("Nộp hồ sơ tại Bộ phận Một cửa", "Công chức kiểm tra hồ sơ", "Trả kết quả"),
        ["channels"] = new JsonArray("in-person", "online"),
        ["documents"] = new JsonArray("Tờ khai theo mẫu::1::bản chính", new JsonObject { ["name"] = "Giấy chứng sinh", ["copies"] = 2 }),
        ["processingTime"] = "Ngay trong ngày",
        ["fees"] = "Miễn lệ phí",
        ["applicants"] = "Công dân Việt Nam",
        ["result"] = "Giấy khai sinh",
        ["legalBasis"] = new JsonArray("123/2015/NĐ-CP", "99/2099/QĐ-XX"),
        ["onlineLevel"] = online,
        ["nationalPortalUrl"] = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=" + code,
        ["forms"] = new JsonArray("Mẫu tờ khai::/media/mau-to-khai.docx"),
    };

    private async Task ImportAsync(Tenant site, string id, JsonObject fields, bool published = true)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        var importer = scope.ServiceProvider.GetServices<IContentImporter>().Single(i => i.Type == "procedure");
        var envelope = new ContentEnvelope("procedure", id, "vi", published, fields);
        var problems = new List<string>();
        importer.Validate(envelope, new RecipeProblems("test", problems));
        Assert.Empty(problems);
        await importer.ImportAsync(envelope, scope.ServiceProvider, ContentActor.System, CancellationToken.None);
    }

    private async Task<List<ContentItem>> ItemsAsync(Tenant site)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<ContentItem>().AsNoTracking()
            .Where(c => c.ContentType == "procedure" && c.Latest && !c.Deleted).ToListAsync();
    }

    private async Task<HttpResponseMessage> UploadAsync(AdminClient admin, string prefix, string fileName, byte[] content)
    {
        var token = await admin.TokenAsync($"{prefix}/admin/thu-tuc/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await admin.Http.PostAsync($"{prefix}/admin/thu-tuc/import", form);
    }

    [Fact]
    public async Task Importing_again_by_id_or_by_code_updates_the_same_procedure()
    {
        var site = await Factory.ProvisionAsync("xa-nhap-lai");

        await ImportAsync(site, "kh-1", Fields("1.009001", "Đăng ký khai sinh"));
        await ImportAsync(site, "kh-1", Fields("1.009001", "Đăng ký khai sinh"));
        await ImportAsync(site, "ma-khac", Fields("1.009001", "Đăng ký khai sinh (sửa đổi)"));
        var items = await ItemsAsync(site);
        var page = await Factory.CreateClient().GetStringAsync("/xa-nhap-lai/thu-tuc-hanh-chinh");

        var item = Assert.Single(items);
        Assert.Equal("kh-1", item.ContentItemId);
        Assert.Equal("Đăng ký khai sinh (sửa đổi)", item.Title);
        Assert.Equal(2, item.Version);
        Assert.Contains("Đăng ký khai sinh (sửa đổi)", page);
    }

    [Fact]
    public async Task A_csv_upload_imports_good_rows_and_reports_the_rest_by_line()
    {
        var site = await Factory.ProvisionAsync("xa-tai-len");
        var admin = await AdminClient.SignedInAsync(Factory, prefix: "/xa-tai-len");
        var csv = """
            code,name,field,level,agency,steps,channels,documents,onlineLevel,legalBasis
            1.009101,Chứng thực bản sao từ bản chính,Chứng thực,Commune,UBND xã,"Nộp hồ sơ|Kiểm tra
            Trả kết quả",in-person|online,Bản chính giấy tờ::1::bản chính|Bản sao cần chứng thực::2,full,23/2015/NĐ-CP
            1.009102,Chứng thực chữ ký,Chứng thực,Galaxy,UBND xã,,,,,
            1.009103,,Chứng thực,Commune,UBND xã,,,,,
            1.009101,Trùng mã,Chứng thực,Commune,UBND xã,,,,partial,
            1.009104,Chứng thực di chúc,Chứng thực,Commune,UBND xã,,,,sometimes,
            1.009105,Chứng thực hợp đồng,Chứng thực,Commune,UBND xã,,post,,none,
            """;

        var response = await UploadAsync(admin, "/xa-tai-len", "thu-tuc.csv", Encoding.UTF8.GetBytes(csv));
        var report = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var again = WebUtility.HtmlDecode(await (await UploadAsync(admin, "/xa-tai-len", "thu-tuc.csv", Encoding.UTF8.GetBytes(csv))).Content.ReadAsStringAsync());
        var items = await ItemsAsync(site);
        var detail = await Factory.CreateClient().GetStringAsync("/xa-tai-len/thu-tuc-hanh-chinh/1-009101-chung-thuc-ban-sao-tu-ban-chinh");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("thêm mới 2", report);
        Assert.Contains("bị từ chối 4 dòng", report);
        Assert.Contains("<td>4</td><td>1.009102</td>", report);
        Assert.Contains("Galaxy", report);
        Assert.Contains("thiếu tên thủ tục", report);
        Assert.Contains("rùng với dòng 2", report);
        Assert.Contains("sometimes", report);
        Assert.Contains("thêm mới 0, cập nhật 0, không đổi 2", again);
        Assert.Equal(["1.009101", "1.009105"], items.Select(i => System.Text.Json.JsonDocument.Parse(i.Data).RootElement.GetProperty("code").GetString()).Order());
        Assert.True(detail.IndexOf("Nộp hồ sơ", StringComparison.Ordinal) < detail.IndexOf("Kiểm tra", StringComparison.Ordinal));
        Assert.True(detail.IndexOf("Kiểm tra", StringComparison.Ordinal) < detail.IndexOf("Trả kết quả", StringComparison.Ordinal));
        Assert.Contains("02 bản", detail);
        Assert.Contains("01 bản chính", detail);
    }

    [Fact]
    public async Task A_json_upload_imports_envelopes_and_a_file_that_is_neither_csv_nor_json_is_one_clear_error()
    {
        await Factory.ProvisionAsync("xa-json");
        var admin = await AdminClient.SignedInAsync(Factory, prefix: "/xa-json");
        var json = new JsonArray(
            new JsonObject { ["type"] = "procedure", ["id"] = "j-1", ["fields"] = Fields("1.009201", "Đăng ký kết hôn") },
            new JsonObject { ["type"] = "procedure", ["id"] = "j-2", ["fields"] = new JsonObject { ["code"] = "1.009202", ["level"] = "Commune" } }).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFE };

        var imported = WebUtility.HtmlDecode(await (await UploadAsync(admin, "/xa-json", "thu-tuc.json", Encoding.UTF8.GetBytes(json))).Content.ReadAsStringAsync());
        var notAFile = await UploadAsync(admin, "/xa-json", "anh.png", png);
        var unknownColumns = await UploadAsync(admin, "/xa-json", "danh-ba.csv", Encoding.UTF8.GetBytes("ho_ten,so_dien_thoai\nNguyễn Văn A,0912\n"));
        var list = await Factory.CreateClient().GetStringAsync("/xa-json/thu-tuc-hanh-chinh");

        Assert.Contains("thêm mới 1", imported);
        Assert.Contains("thiếu tên thủ tục", imported);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAFile.StatusCode);
        Assert.Contains("không phải CSV hay JSON", WebUtility.HtmlDecode(await notAFile.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownColumns.StatusCode);
        Assert.Contains("cột không xác định", WebUtility.HtmlDecode(await unknownColumns.Content.ReadAsStringAsync()));
        Assert.Contains("Đăng ký kết hôn", list);
    }

    [Fact]
    public async Task Filters_in_the_url_narrow_the_list_and_impossible_ones_show_an_empty_list()
    {
        var site = await Factory.ProvisionAsync("xa-loc");
        await ImportAsync(site, "l-1", Fields("1.009301", "Đăng ký thường trú đường Quảng Ninh", field: "Cư trú", online: "full"));
        await ImportAsync(site, "l-2", Fields("1.009302", "Cấp giấy phép xây dựng nhà ở", field: "Xây dựng", online: "partial", agency: "UBND xã Lọc"));
        await ImportAsync(site, "l-3", Fields("1.009303", "Hòa giải tranh chấp đất đai", field: "Đất đai", online: "none", level: "District"));
        var client = Factory.CreateClient();

        var byField = await client.GetStringAsync("/xa-loc/thu-tuc-hanh-chinh?field=" + Uri.EscapeDataString("Xây dựng"));
        var folded = await client.GetStringAsync("/xa-loc/thu-tuc-hanh-chinh?q=duong+quang+ninh");
        var byCode = await client.GetStringAsync("/xa-loc/thu-tuc-hanh-chinh?q=1.009303");
        var byOnline = await client.GetStringAsync("/xa-loc/thu-tuc-hanh-chinh?online=partial");
        var byLevelAndAgency = await client.GetStringAsync("/xa-loc/thu-tuc-hanh-chinh?level=District&agency=" + Uri.EscapeDataString("Ủy ban nhân dân cấp xã"));
        var badLevel = await client.GetAsync("/xa-loc/thu-tuc-hanh-chinh?level=Galaxy");
        var badOnline = await client.GetAsync("/xa-loc/thu-tuc-hanh-chinh?online=%3Cscript%3E");
        var farPage = await client.GetAsync("/xa-loc/thu-tuc-hanh-chinh?page=2147483647");
        var longText = await client.GetAsync("/xa-loc/thu-tuc-hanh-chinh?q=" + new string('a', 5000));
        var missing = await client.GetAsync("/xa-loc/thu-tuc-hanh-chinh/khong-co");

        Assert.Contains("Cấp giấy phép xây dựng nhà ở", byField);
        Assert.DoesNotContain("Hòa giải tranh chấp", byField);
        Assert.Contains("Đăng ký thường trú đường Quảng Ninh", folded);
        Assert.DoesNotContain("Cấp giấy phép xây dựng", folded);
        Assert.Contains("Hòa giải tranh chấp đất đai", byCode);
        Assert.Contains("Cấp giấy phép xây dựng nhà ở", byOnline);
        Assert.DoesNotContain("Đăng ký thường trú", byOnline);
        Assert.Contains("Hòa giải tranh chấp đất đai", byLevelAndAgency);
        Assert.DoesNotContain("Cấp giấy phép xây dựng", byLevelAndAgency);
        foreach (var response in new[] { badLevel, badOnline, farPage, longText })
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("Đăng ký thường trú", html);
            Assert.DoesNotContain("<script>alert", html);
        }

        Assert.Contains("không hợp lệ", WebUtility.HtmlDecode(await badLevel.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_provinces_commune_level_procedures_show_on_every_commune_and_the_communes_own_win()
    {
        var hongHa = await Factory.ProvisionAsync("xa-hong-ha-tt");
        var anPhu = await Factory.ProvisionAsync("xa-an-phu-tt");
        await ImportAsync(Province, "tinh-xa-1", Fields("1.009401", "Đăng ký khai tử dùng chung", level: "Commune"));
        await ImportAsync(Province, "tinh-tinh-1", Fields("1.009402", "Cấp giấy phép môi trường cấp tỉnh", level: "Province"));
        await ImportAsync(hongHa, "rieng-1", Fields("1.009403", "Thủ tục riêng của Hồng Hà", level: "Commune"));
        await ImportAsync(anPhu, "rieng-2", Fields("1.009401", "Đăng ký khai tử theo cách của An Phú", level: "Commune"));
        var client = Factory.CreateClient();

        var hongHaList = await client.GetStringAsync("/xa-hong-ha-tt/thu-tuc-hanh-chinh");
        var sharedDetail = await client.GetAsync("/xa-hong-ha-tt/thu-tuc-hanh-chinh/1-009401-dang-ky-khai-tu-dung-chung");
        var provinceLevelOnCommune = await client.GetAsync("/xa-hong-ha-tt/thu-tuc-hanh-chinh/1-009402-cap-giay-phep-moi-truong-cap-tinh");
        var anPhuList = await client.GetStringAsync("/xa-an-phu-tt/thu-tuc-hanh-chinh");
        var ownOfOther = await client.GetAsync("/xa-an-phu-tt/thu-tuc-hanh-chinh/1-009403-thu-tuc-rieng-cua-hong-ha");
        var provinceList = await client.GetStringAsync("/thu-tuc-hanh-chinh?q=1.0094");

        Assert.Contains("Đăng ký khai tử dùng chung", hongHaList);
        Assert.Contains("Thủ tục riêng của Hồng Hà", hongHaList);
        Assert.DoesNotContain("Cấp giấy phép môi trường cấp tỉnh", hongHaList);
        Assert.Equal(HttpStatusCode.OK, sharedDetail.StatusCode);
        Assert.Contains("Giấy chứng sinh", await sharedDetail.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, provinceLevelOnCommune.StatusCode);
        Assert.Contains("Đăng ký khai tử theo cách của An Phú", anPhuList);
        Assert.DoesNotContain("Đăng ký khai tử dùng chung", anPhuList);
        Assert.DoesNotContain("Thủ tục riêng của Hồng Hà", anPhuList);
        Assert.Equal(HttpStatusCode.NotFound, ownOfOther.StatusCode);
        Assert.Contains("Cấp giấy phép môi trường cấp tỉnh", provinceList);
        Assert.DoesNotContain("Thủ tục riêng của Hồng Hà", provinceList);
    }

    [Fact]
    public async Task A_province_publication_evicts_the_cached_pages_of_its_communes()
    {
        await Factory.ProvisionAsync("xa-bo-nho");
        var client = Factory.CreateClient();
        var before = await client.GetStringAsync("/xa-bo-nho/thu-tuc-hanh-chinh?q=1.0095");

        await ImportAsync(Province, "tinh-xa-moi", Fields("1.009501", "Thủ tục mới công bố của tỉnh", level: "Commune"));
        string after = "";
        for (var i = 0; i < 50 && !after.Contains("Thủ tục mới công bố của tỉnh", StringComparison.Ordinal); i++)
        {
            await Task.Delay(i == 0 ? 0 : 100); // eviction is queued, not awaited by the write
            after = await client.GetStringAsync("/xa-bo-nho/thu-tuc-hanh-chinh?q=1.0095");
        }

        Assert.DoesNotContain("Thủ tục mới công bố của tỉnh", before);
        Assert.Contains("Thủ tục mới công bố của tỉnh", after);
    }

    [Fact]
    public async Task A_communes_admin_cannot_open_edit_or_delete_the_provinces_procedure()
    {
        var site = await Factory.ProvisionAsync("xa-khong-sua");
        await ImportAsync(Province, "tinh-khong-sua", Fields("1.009601", "Thủ tục tỉnh không cho xã sửa", level: "Commune"));
        await Factory.CreateSiteAdministratorAsync(site, "qt-xa-khong-sua", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, "qt-xa-khong-sua", "Passw0rd-Q!", "/xa-khong-sua");
        var form = "/xa-khong-sua/admin/thu-tuc/create";

        var open = await admin.Http.GetAsync("/xa-khong-sua/admin/thu-tuc/tinh-khong-sua");
        var edit = await admin.PostFormAsync(form, "/xa-khong-sua/admin/thu-tuc/tinh-khong-sua", new() { ["Code"] = "1.009601", ["Name"] = "Đã bị xã sửa", ["Level"] = "Commune" });
        var delete = await admin.PostFormAsync(form, "/xa-khong-sua/admin/thu-tuc/tinh-khong-sua/delete", []);
        var list = await admin.Http.GetStringAsync("/xa-khong-sua/admin/contents?type=procedure");
        var items = await ItemsAsync(Province);

        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.DoesNotContain("Thủ tục tỉnh không cho xã sửa", list);
        Assert.Contains(items, i => i.ContentItemId == "tinh-khong-sua" && i.Title == "Thủ tục tỉnh không cho xã sửa" && i.Published);
    }

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
    public async Task The_desk_needs_a_sign_in_and_the_permission()
    {
        var site = await Factory.ProvisionAsync("xa-quyen-tt");
        await Factory.CreateSiteAdministratorAsync(site, "qt-xa-quyen-tt", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, "qt-xa-quyen-tt", "Passw0rd-Q!", "/xa-quyen-tt");
        await admin.PostFormAsync("/xa-quyen-tt/admin/users/add", "/xa-quyen-tt/admin/users/add", new() { ["UserName"] = "pv-xa-quyen-tt", ["Password"] = "Passw0rd-B!", ["Role"] = "Reporter" });
        await admin.PostFormAsync("/xa-quyen-tt/admin/users/add", "/xa-quyen-tt/admin/users/add", new() { ["UserName"] = "btv-xa-quyen-tt", ["Password"] = "Passw0rd-B!", ["Role"] = "Editor" });
        var reporter = await AdminClient.SignedInAsync(Factory, "pv-xa-quyen-tt", "Passw0rd-B!", "/xa-quyen-tt");
        var editor = await AdminClient.SignedInAsync(Factory, "btv-xa-quyen-tt", "Passw0rd-B!", "/xa-quyen-tt");

        var anonymous = await AdminClient.Create(Factory).Http.GetAsync("/xa-quyen-tt/admin/thu-tuc");
        var reporterList = await reporter.Http.GetAsync("/xa-quyen-tt/admin/thu-tuc");
        var editorList = await editor.Http.GetAsync("/xa-quyen-tt/admin/thu-tuc");
        var editorImport = await editor.Http.GetAsync("/xa-quyen-tt/admin/thu-tuc/import");
        var noToken = await admin.Http.PostAsync("/xa-quyen-tt/admin/thu-tuc/create", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "1.009701", ["Name"] = "Không có mã chống giả mạo", ["Level"] = "Commune" }));

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/xa-quyen-tt/admin/login", anonymous.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, await FollowAsync(reporter, reporterList));
        Assert.Equal("/xa-quyen-tt/admin/contents?type=procedure", editorList.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, await FollowAsync(editor, editorImport));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Fact]
    public async Task An_editor_writes_a_procedure_the_board_head_publishes_and_bad_fields_are_explained()
    {
        await Factory.ProvisionAsync("xa-soan");
        var admin = await AdminClient.SignedInAsync(Factory, prefix: "/xa-soan");
        var form = "/xa-soan/admin/thu-tuc/create";

        var bad = await admin.PostFormAsync(form, form, new()
        {
            ["Code"] = "mã sai!",
            ["Name"] = "Giữ lại tên",
            ["Level"] = "Commune",
            ["Channels"] = "bồ câu",
            ["Documents"] = "Tờ khai :: nhiều",
            ["NationalPortalUrl"] = "javascript:alert(1)",
            ["OnlineLevel"] = "full",
        });
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        var created = await admin.PostFormAsync(form, form, new()
        {
            ["Code"] = "1.009801",
            ["Name"] = "Đăng ký giám hộ",
            ["Field"] = "Hộ tịch",
            ["Level"] = "Commune",
            ["Steps"] = "Bước một: nộp hồ sơ\nBước hai: thẩm định\nBước ba: trả kết quả",
            ["Documents"] = "Tờ khai đăng ký giám hộ :: 1 :: bản chính\nVăn bản cử người giám hộ :: 2 :: bản sao",
            ["LegalBasis"] = "60/2014/QH13\n123/2015/NĐ-CP",
            ["OnlineLevel"] = "partial",
            ["NationalPortalUrl"] = "https://dichvucong.gov.vn/thu-tuc/1.009801",
        });
        var edit = created.Headers.Location!.ToString();
        var before = await Factory.CreateClient().GetAsync("/xa-soan/thu-tuc-hanh-chinh/1-009801-dang-ky-giam-ho");
        await admin.PostFormAsync(edit, $"{edit}/submit", []);
        await admin.PostFormAsync(edit, $"{edit}/approve", []);
        await admin.PostFormAsync(edit, $"{edit}/publish", []);
        var detail = await Factory.CreateClient().GetStringAsync("/xa-soan/thu-tuc-hanh-chinh/1-009801-dang-ky-giam-ho");
        var history = await admin.Http.GetStringAsync(edit.Replace("/admin/thu-tuc/", "/admin/contents/", StringComparison.Ordinal) + "/history");
        var desk = await admin.Http.GetStringAsync("/xa-soan/admin/contents?type=procedure&q=dang+ky+giam+ho&level=Commune&online=Partial&state=Published");

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Mã thủ tục \"mã sai!\" không hợp lệ", badHtml);
        Assert.Contains("bồ câu", badHtml);
        Assert.Contains("Số bản của \"Tờ khai\"", badHtml);
        Assert.Contains("http(s) đầy đủ", badHtml);
        Assert.Contains("Giữ lại tên", badHtml);
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.True(detail.IndexOf("Bước một", StringComparison.Ordinal) < detail.IndexOf("Bước hai", StringComparison.Ordinal));
        Assert.Contains("02 bản sao", detail);
        Assert.Contains("href=\"/xa-soan/van-ban/luat-ho-tich-60-2014-qh13\"", detail);
        Assert.Contains("Luật Hộ tịch", detail);
        Assert.Contains("https://dichvucong.gov.vn/thu-tuc/1.009801", detail);
        Assert.Contains("Published", history);
        Assert.Contains("Đăng ký giám hộ", desk);
    }

    [Fact]
    public async Task Legal_basis_numbers_link_when_known_and_stay_plain_text_otherwise()
    {
        var site = await Factory.ProvisionAsync("xa-can-cu");
        await ImportAsync(site, "cc-1", Fields("1.009901", "Đăng ký lại khai sinh"));

        var detail = await Factory.CreateClient().GetStringAsync("/xa-can-cu/thu-tuc-hanh-chinh/1-009901-dang-ky-lai-khai-sinh");

        Assert.Contains("<a href=\"/xa-can-cu/van-ban/nghi-dinh-123-2015-nd-cp\">123/2015/NĐ-CP</a>", WebUtility.HtmlDecode(detail));
        Assert.Contains("Nghị định quy định chi tiết Luật Hộ tịch", WebUtility.HtmlDecode(detail));
        Assert.Contains("<li>99/2099/QĐ-XX</li>", WebUtility.HtmlDecode(detail));
        Assert.Contains("href=\"/xa-can-cu/media/mau-to-khai.docx\"", detail);
    }

    [Fact]
    public async Task The_demo_recipe_loads_its_procedures_once_and_communes_below_see_theirs()
    {
        var province = await Factory.ProvisionAsync("tinh-mau", level: "Province");
        await Factory.ProvisionAsync("xa-mau", parent: "tinh-mau");
        for (var run = 0; run < 2; run++)
        {
            await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(province);
            var executor = scope.ServiceProvider.GetRequiredService<RecipeExecutor>();
            var recipe = scope.ServiceProvider.GetRequiredService<RecipeCatalog>().Find("demo-procedures");
            await executor.ExecuteAsync(executor.Prepare(recipe, new Dictionary<string, string>()), new RecipeContext(province, scope.ServiceProvider), CancellationToken.None);
        }

        var items = await ItemsAsync(province);
        var commune = await Factory.CreateClient().GetStringAsync("/xa-mau/thu-tuc-hanh-chinh?q=1.004037");

        Assert.True(items.Count >= 100, $"{items.Count} procedures");
        Assert.All(items, i => Assert.Equal(1, i.Version));
        Assert.Contains("Đăng ký khai sinh", commune);
    }

    [Fact]
    public async Task What_editors_type_is_encoded_on_the_public_pages()
    {
        var site = await Factory.ProvisionAsync("xa-xss-tt");
        var fields = Fields("1.009950", "Thủ tục <script>alert('ten')</script>");
        fields["steps"] = new JsonArray("<img src=x onerror=alert('buoc')>");
        fields["agency"] = "\"><svg onload=alert(1)>";
        await ImportAsync(site, "xss-1", fields);

        var list = await Factory.CreateClient().GetStringAsync("/xa-xss-tt/thu-tuc-hanh-chinh");
        var detail = await Factory.CreateClient().GetStringAsync("/xa-xss-tt/thu-tuc-hanh-chinh/1-009950-thu-tuc-script-alert-ten-script");

        foreach (var html in new[] { list, detail })
        {
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<svg onload", html);
            Assert.Contains("&lt;script&gt;", html);
        }

        Assert.DoesNotContain("<img src=x", detail);
    }

    private async Task InSiteAsync(Tenant site, Func<IServiceProvider, Task> action)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        await action(scope.ServiceProvider);
    }

    private async Task<string> UploadJsonAsync(AdminClient admin, string prefix, params JsonObject[] envelopes)
    {
        var json = new JsonArray([.. envelopes]).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var response = await UploadAsync(admin, prefix, "thu-tuc.json", Encoding.UTF8.GetBytes(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static JsonObject Envelope(string? id, JsonObject fields, bool published = true)
    {
        var envelope = new JsonObject { ["type"] = "procedure", ["published"] = published, ["fields"] = fields };
        if (id is not null)
        {
            envelope["id"] = id;
        }

        return envelope;
    }

    private static string CodeOf(ContentItem item) => System.Text.Json.JsonDocument.Parse(item.Data).RootElement.GetProperty("code").GetString()!;

    [Fact]
    public async Task An_import_never_overwrites_an_item_of_another_type_or_a_procedure_with_another_code()
    {
        var site = await Factory.ProvisionAsync("xa-ghi-de");
        var admin = await AdminClient.SignedInAsync(Factory, prefix: "/xa-ghi-de");
        await InSiteAsync(site, sp => sp.GetRequiredService<ContentManager>().CreateAsync("news", new ContentDraft("Tin thời sự của xã", "tin-thoi-su-cua-xa", "{}"), ContentActor.System, "tin-1"));
        await ImportAsync(site, "tt-1", Fields("1.019001", "Thủ tục gốc"));

        var report = await UploadJsonAsync(admin, "/xa-ghi-de",
            Envelope("tin-1", Fields("1.019002", "Thủ tục ghi đè tin")),
            Envelope("tt-1", Fields("1.019003", "Thủ tục mã khác cùng id")));
        var recipe = await Assert.ThrowsAsync<ContentWorkflowException>(() => ImportAsync(site, "tin-1", Fields("1.019002", "Thủ tục ghi đè tin")));
        ContentItem? news = null;
        await InSiteAsync(site, async sp => news = await sp.GetRequiredService<ContentManager>().LatestAsync("tin-1"));
        var items = await ItemsAsync(site);

        Assert.Contains("thêm mới 0, cập nhật 0, không đổi 0; bị từ chối 2 dòng", report);
        Assert.Contains("không phải thủ tục hành chính", report);
        Assert.Contains("khác mã 1.019003", report);
        Assert.Contains("không phải thủ tục hành chính", recipe.Message);
        Assert.Equal(("news", "Tin thời sự của xã", 1, false), (news!.ContentType, news.Title, news.Version, news.Published));
        var procedure = Assert.Single(items);
        Assert.Equal(("tt-1", "1.019001", "Thủ tục gốc"), (procedure.ContentItemId, CodeOf(procedure), procedure.Title));
    }

    [Fact]
    public async Task Codes_that_share_a_slug_stay_apart_and_codes_differing_in_case_are_one_procedure()
    {
        var site = await Factory.ProvisionAsync("xa-ma-trung");
        var admin = await AdminClient.SignedInAsync(Factory, prefix: "/xa-ma-trung");
        var csv = """
            code,name,level
            1.019101,Thủ tục chấm,Commune
            1-019101,Thủ tục gạch,Commune
            """;

        var first = WebUtility.HtmlDecode(await (await UploadAsync(admin, "/xa-ma-trung", "thu-tuc.csv", Encoding.UTF8.GetBytes(csv))).Content.ReadAsStringAsync());
        var upper = await UploadJsonAsync(admin, "/xa-ma-trung", Envelope("hoa-1", Fields("ABC.19102", "Thủ tục chữ hoa")));
        var lower = await UploadJsonAsync(admin, "/xa-ma-trung", Envelope("thuong-1", Fields("abc.19102", "Thủ tục chữ thường")));
        var noId = WebUtility.HtmlDecode(await (await UploadAsync(admin, "/xa-ma-trung", "thu-tuc.csv", Encoding.UTF8.GetBytes("code,name,level\n Abc.19102 ,Thủ tục không id,Commune\n"))).Content.ReadAsStringAsync());
        var items = await ItemsAsync(site);

        Assert.Contains("thêm mới 2", first);
        Assert.Contains("thêm mới 1", upper);
        Assert.Contains("thêm mới 0, cập nhật 1", lower);
        Assert.Contains("thêm mới 0, cập nhật 1", noId);
        Assert.Equal(["1-019101", "1.019101", "ABC.19102"], items.Select(CodeOf).Order(StringComparer.Ordinal));
        Assert.Equal(["Thủ tục chấm", "Thủ tục gạch", "Thủ tục không id"], items.Select(i => i.Title).Order(StringComparer.Ordinal));
        Assert.Contains(items, i => i.ContentItemId == "hoa-1" && i.Title == "Thủ tục không id");
        Assert.All(items, i => Assert.True(i.ContentItemId.Length <= 64));
        Assert.NotEqual(ProcedureWriterIds("1.019101"), ProcedureWriterIds("1-019101"));
    }

    private static string ProcedureWriterIds(string code) => Portal.Procedures.Services.ProcedureWriter.IdForCode(code);

    [Fact]
    public async Task A_deleted_procedure_can_be_imported_again_and_an_archived_one_is_skipped_with_a_reason()
    {
        var site = await Factory.ProvisionAsync("xa-xoa-nhap");
        var admin = await AdminClient.SignedInAsync(Factory, prefix: "/xa-xoa-nhap");
        await ImportAsync(site, "xoa-1", Fields("1.019201", "Thủ tục bị xóa"));
        await UploadAsync(admin, "/xa-xoa-nhap", "thu-tuc.csv", Encoding.UTF8.GetBytes("code,name,level\n1.019202,Thủ tục không id bị xóa,Commune\n"));
        await ImportAsync(site, "luu-1", Fields("1.019203", "Thủ tục lưu trữ"));
        var noIdItem = (await ItemsAsync(site)).Single(i => i.Title == "Thủ tục không id bị xóa").ContentItemId;
        await InSiteAsync(site, async sp =>
        {
            var contents = sp.GetRequiredService<ContentManager>();
            await contents.DeleteAsync("xoa-1", ContentActor.System);
            await contents.DeleteAsync(noIdItem, ContentActor.System);
            await contents.ArchiveAsync("luu-1", ContentActor.System);
        });

        await ImportAsync(site, "xoa-1", Fields("1.019201", "Thủ tục bị xóa"));
        await ImportAsync(site, "xoa-1", Fields("1.019201", "Thủ tục bị xóa"));
        var noIdAgain = WebUtility.HtmlDecode(await (await UploadAsync(admin, "/xa-xoa-nhap", "thu-tuc.csv", Encoding.UTF8.GetBytes("code,name,level\n1.019202,Thủ tục không id bị xóa,Commune\n"))).Content.ReadAsStringAsync());
        await ImportAsync(site, "luu-1", Fields("1.019203", "Thủ tục lưu trữ"));
        var archivedUpload = await UploadJsonAsync(admin, "/xa-xoa-nhap", Envelope("luu-1", Fields("1.019203", "Thủ tục lưu trữ (sửa)")));
        var items = await ItemsAsync(site);
        var detail = await Factory.CreateClient().GetAsync("/xa-xoa-nhap/thu-tuc-hanh-chinh/1-019201-thu-tuc-bi-xoa");

        var again = Assert.Single(items, i => CodeOf(i) == "1.019201");
        Assert.Equal(("xoa-1-2", 1, true), (again.ContentItemId, again.Version, again.Published));
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("thêm mới 1", noIdAgain);
        Assert.Single(items, i => CodeOf(i) == "1.019202" && i.Published);
        var archived = Assert.Single(items, i => CodeOf(i) == "1.019203");
        Assert.Equal((ContentState.Archived, "Thủ tục lưu trữ", false), (archived.State, archived.Title, archived.Published));
        Assert.Contains("bị từ chối 1 dòng", archivedUpload);
        Assert.Contains("đã được lưu trữ", archivedUpload);
    }

    [Fact]
    public async Task A_shared_procedures_forms_link_to_the_provinces_media_library()
    {
        var prefixed = await Factory.ProvisionAsync("tinh-mau-don", level: "Province");
        var hosted = await Factory.ProvisionAsync("tinh-co-ten-mien", level: "Province", hosts: "tinh-co-ten-mien.example");
        await Factory.ProvisionAsync("xa-mau-don-1");
        await Factory.ProvisionAsync("xa-mau-don-2", parent: "tinh-mau-don");
        await Factory.ProvisionAsync("xa-mau-don-3", parent: "tinh-co-ten-mien");
        foreach (var province in new[] { Province, prefixed, hosted })
        {
            var fields = Fields("1.019301", "Thủ tục có mẫu đơn của tỉnh");
            fields["forms"] = new JsonArray("Mẫu tờ khai::/media/mau-to-khai.docx", "Mẫu trên cổng::https://dichvucong.gov.vn/mau.docx");
            await ImportAsync(province, "mau-don-tinh", fields);
        }

        var client = Factory.CreateClient();
        var underDefault = await client.GetStringAsync("/xa-mau-don-1/thu-tuc-hanh-chinh/1-019301-thu-tuc-co-mau-don-cua-tinh");
        var underPrefix = await client.GetStringAsync("/xa-mau-don-2/thu-tuc-hanh-chinh/1-019301-thu-tuc-co-mau-don-cua-tinh");
        var underHost = await client.GetStringAsync("/xa-mau-don-3/thu-tuc-hanh-chinh/1-019301-thu-tuc-co-mau-don-cua-tinh");

        Assert.Contains("href=\"/media/mau-to-khai.docx\"", underDefault);
        Assert.Contains("href=\"/tinh-mau-don/media/mau-to-khai.docx\"", underPrefix);
        Assert.Contains("href=\"http://tinh-co-ten-mien.example/media/mau-to-khai.docx\"", underHost);
        foreach (var html in new[] { underDefault, underPrefix, underHost })
        {
            Assert.DoesNotContain("/xa-mau-don-", html.Split("forms-title")[1].Split("</section>")[0]);
            Assert.Contains("href=\"https://dichvucong.gov.vn/mau.docx\"", html);
        }
    }

    [Fact]
    public async Task A_schedule_the_desk_cannot_use_is_explained_and_never_a_server_error()
    {
        await Factory.ProvisionAsync("xa-hen-gio");
        var admin = await AdminClient.SignedInAsync(Factory, prefix: "/xa-hen-gio");
        var created = await admin.PostFormAsync("/xa-hen-gio/admin/thu-tuc/create", "/xa-hen-gio/admin/thu-tuc/create", new() { ["Code"] = "1.019401", ["Name"] = "Thủ tục hẹn giờ", ["Level"] = "Commune", ["OnlineLevel"] = "none" });
        var edit = created.Headers.Location!.ToString();
        await admin.PostFormAsync(edit, $"{edit}/submit", []);
        await admin.PostFormAsync(edit, $"{edit}/approve", []);

        foreach (var publishAt in new[] { "0001-01-01T00:00", "9999-12-31T23:59", "ngay-mai" })
        {
            var response = await admin.PostFormAsync(edit, $"{edit}/publish", new() { ["publishAt"] = publishAt });
            var page = WebUtility.HtmlDecode(await admin.Http.GetStringAsync(edit));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("Thời điểm hẹn giờ", page);
            Assert.Contains("Trạng thái: <strong>đã duyệt</strong>", page);
        }

        var tooLong = await admin.Http.GetAsync($"/xa-hen-gio/admin/thu-tuc/{new string('a', 65)}");
        Assert.Equal(HttpStatusCode.NotFound, tooLong.StatusCode);
    }

    [Fact]
    public async Task Ids_that_cannot_be_stored_or_linked_are_refused_with_a_reason()
    {
        var site = await Factory.ProvisionAsync("xa-id-sai");
        var admin = await AdminClient.SignedInAsync(Factory, prefix: "/xa-id-sai");
        var longId = new string('d', 65);
        var csv = $"id,code,name,level\na/b?c,1.019501,Thủ tục id có gạch chéo,Commune\n{longId},1.019502,Thủ tục id dài,Commune\nid-tot.1_x,1.019503,Thủ tục id tốt,Commune\n";

        var report = WebUtility.HtmlDecode(await (await UploadAsync(admin, "/xa-id-sai", "thu-tuc.csv", Encoding.UTF8.GetBytes(csv))).Content.ReadAsStringAsync());
        var json = await UploadJsonAsync(admin, "/xa-id-sai", Envelope("..", Fields("1.019504", "Thủ tục id chấm chấm")));
        var problems = new List<string>();
        await InSiteAsync(site, sp =>
        {
            var importer = sp.GetServices<IContentImporter>().Single(i => i.Type == "procedure");
            importer.Validate(new ContentEnvelope("procedure", "x?y", "vi", true, Fields("1.019505", "Thủ tục công thức")), new RecipeProblems("test", problems));
            return Task.CompletedTask;
        });
        var items = await ItemsAsync(site);

        Assert.Contains("thêm mới 1", report);
        Assert.Contains("bị từ chối 2 dòng", report);
        Assert.Contains("id \"a/b?c\" không hợp lệ", report);
        Assert.Contains("1–64 ký tự", report);
        Assert.Contains("bị từ chối 1 dòng", json);
        Assert.Contains(problems, p => p.Contains("'id'", StringComparison.Ordinal) && p.Contains("không hợp lệ", StringComparison.Ordinal));
        Assert.Equal("id-tot.1_x", Assert.Single(items).ContentItemId);
    }

    [Fact]
    public async Task A_file_of_more_than_two_thousand_procedures_is_refused_whole()
    {
        var site = await Factory.ProvisionAsync("xa-qua-nhieu");
        var admin = await AdminClient.SignedInAsync(Factory, prefix: "/xa-qua-nhieu");
        var csv = new StringBuilder("code,name,level\n");
        for (var i = 0; i < 2001; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"9.{i:D6},Thủ tục số {i},Commune\n");
        }

        var response = await UploadAsync(admin, "/xa-qua-nhieu", "thu-tuc.csv", Encoding.UTF8.GetBytes(csv.ToString()));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Tệp có 2001 thủ tục, quá 2.000 thủ tục mỗi tệp; chưa thủ tục nào được nhập", html);
        Assert.Empty(await ItemsAsync(site));
    }

    [Fact]
    public async Task Editors_see_compare_and_restore_a_procedures_versions_in_the_shared_contents_admin()
    {
        var site = await Factory.ProvisionAsync("xa-lich-su");
        await Factory.CreateSiteAdministratorAsync(site, "qt-xa-lich-su", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, "qt-xa-lich-su", "Passw0rd-Q!", "/xa-lich-su");
        await admin.PostFormAsync("/xa-lich-su/admin/users/add", "/xa-lich-su/admin/users/add", new() { ["UserName"] = "btv-xa-lich-su", ["Password"] = "Passw0rd-B!", ["Role"] = "Editor" });
        var editor = await AdminClient.SignedInAsync(Factory, "btv-xa-lich-su", "Passw0rd-B!", "/xa-lich-su");
        var form = "/xa-lich-su/admin/thu-tuc/create";
        var created = await editor.PostFormAsync(form, form, new() { ["Code"] = "1.019601", ["Name"] = "Tên ban đầu", ["Level"] = "Commune", ["OnlineLevel"] = "none" });
        var edit = created.Headers.Location!.ToString();
        var id = edit.Split('/')[^1];
        await editor.PostFormAsync(edit, edit, new() { ["Code"] = "1.019601", ["Name"] = "Tên đã sửa", ["Level"] = "Commune", ["OnlineLevel"] = "none", ["Fees"] = "50.000 đồng" });

        var editPage = await editor.Http.GetStringAsync(edit);
        var history = $"/xa-lich-su/admin/contents/{id}/history";
        var historyPage = await editor.Http.GetAsync(history);
        var diff = WebUtility.HtmlDecode(await editor.Http.GetStringAsync($"/xa-lich-su/admin/contents/{id}/diff?from=1&to=2"));
        var restore = await editor.PostFormAsync(history, $"/xa-lich-su/admin/contents/{id}/restore/1", []);
        var oldRoute = await editor.Http.GetAsync($"{edit}/history");
        var items = await ItemsAsync(site);

        Assert.Contains($"href=\"{history}\"", editPage);
        Assert.Equal(HttpStatusCode.OK, historyPage.StatusCode);
        Assert.Contains("Tên đã sửa", WebUtility.HtmlDecode(await historyPage.Content.ReadAsStringAsync()));
        Assert.Contains("Phí, lệ phí", diff);
        Assert.Contains("50.000 đồng", diff);
        // Restoring needs the type's publish permission (PublishProcedures), which an editor lacks.
        Assert.Contains("/admin/denied", restore.Headers.Location!.ToString());
        Assert.NotEqual(HttpStatusCode.OK, oldRoute.StatusCode);
        var kept = Assert.Single(items);
        Assert.Equal((2, "Tên đã sửa"), (kept.Version, kept.Title));
    }
}

public sealed class ProcedureTestsSqlite(ProcedureSqliteFixture fixture) : ProcedureTests<ProcedureSqliteFixture>(fixture), IClassFixture<ProcedureSqliteFixture>;

public sealed class ProcedureTestsPostgres(ProcedurePostgresFixture fixture) : ProcedureTests<ProcedurePostgresFixture>(fixture), IClassFixture<ProcedurePostgresFixture>;
