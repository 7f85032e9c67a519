using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.LegalDocuments;

/// <summary>
/// The legal documents module end to end, on SQLite and PostgreSQL: bulk import and its report,
/// computed validity, relations both ways, filters in the address, isolation between sites,
/// the desk's permissions, and encoded output.
/// </summary>
public abstract partial class LegalDocumentTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private const string Header = "id,number,type,issuingAuthority,field,signer,signerPosition,issuedOn,effectiveOn,expiresOn,summary,kind,files,replaces,amends,guides,published";

    private PortalFactory Factory => fixture.Factory;

    private static string Day(int offset) => DateTime.UtcNow.AddHours(7).Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A commune with its own administrator, signed in.</summary>
    private async Task<(Tenant Site, AdminClient Admin)> SiteAsync(string prefix)
    {
        var site = await Factory.ProvisionAsync(prefix);
        await Factory.CreateSiteAdministratorAsync(site, $"qt-{prefix}", "Passw0rd-Q!");
        return (site, await AdminClient.SignedInAsync(Factory, $"qt-{prefix}", "Passw0rd-Q!", "/" + prefix));
    }

    private static async Task<string> UploadAsync(AdminClient admin, string prefix, string content, string fileName = "van-ban.csv")
    {
        var token = await admin.TokenAsync($"/{prefix}/admin/van-ban/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content is "binary" ? [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x01] : Encoding.UTF8.GetBytes(content)), "file", fileName },
        };
        var response = await admin.Http.PostAsync($"/{prefix}/admin/van-ban/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    [Fact]
    public async Task A_bulk_import_takes_the_good_rows_reports_the_bad_ones_and_is_idempotent()
    {
        var (_, admin) = await SiteAsync("xa-nhap-vb");
        var csv = Csv(
            "qd-1,12/2024/QĐ-UBND,Quyết định,UBND xã,Đất đai,Nguyễn Văn An,Chủ tịch,2024-03-01,2024-03-11,,Quy định hạn mức giao đất ở,normative,/media/van-ban/qd-12.pdf,,,,true",
            "kh-2,5/KH-UBND,Kế hoạch,UBND xã,Y tế,Nguyễn Văn An,Chủ tịch,01/02/2025,,,\"Kế hoạch tiêm chủng, năm 2025\",direction,,,,,true",
            "bad-date,6/KH-UBND,Kế hoạch,UBND xã,Y tế,,,2025-02-30,,,Ngày sai,direction,,,,,true",
            "bad-type,7/XX-UBND,Sắc lệnh,UBND xã,Y tế,,,2025-02-03,,,Loại sai,direction,,,,,true",
            "dup,12/2024/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,2024-03-01,,,Trùng số trong tệp,normative,,,,,true",
            "no-summary,8/TB-UBND,Thông báo,UBND xã,Y tế,,,2025-02-03,,,,direction,,,,,true",
            "bad-file,9/TB-UBND,Thông báo,UBND xã,Y tế,,,2025-02-03,,,Tệp sai,direction,javascript:alert(1),,,,true",
            "short,row");

        var first = await UploadAsync(admin, "xa-nhap-vb", csv);
        var second = await UploadAsync(admin, "xa-nhap-vb", csv);
        var otherId = await UploadAsync(admin, "xa-nhap-vb", Csv("qd-khac,12/2024/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,2024-03-01,,,Cùng số khác id,normative,,,,,true"));
        var garbage = await UploadAsync(admin, "xa-nhap-vb", "binary", "anh.png");
        var noHeader = await UploadAsync(admin, "xa-nhap-vb", "lorem ipsum dolor sit amet\nconsectetur\n", "ghi-chu.txt");
        var json = await UploadAsync(admin, "xa-nhap-vb", """
            [ { "id": "cv-3", "fields": { "number": "30/UBND-VP", "type": "Công văn", "issuingAuthority": "UBND xã", "issuedOn": "2025-05-05", "summary": "Về việc trực Tết", "status": "còn hiệu lực" } },
              { "id": "cv-4", "fields": { "number": "31/UBND-VP", "type": "Công văn", "issuingAuthority": "UBND xã", "issuedOn": "hôm qua", "summary": "Ngày sai" } } ]
            """, "van-ban.json");
        var list = await Anonymous().GetStringAsync("/xa-nhap-vb/van-ban");

        Assert.Contains("Đã nhập 2 văn bản; 0 văn bản không thay đổi; 6 dòng bị từ chối.", first);
        Assert.Matches(RejectedRow(4, "issuedOn"), first);
        Assert.Matches(RejectedRow(5, "không có trong danh mục"), first);
        Assert.Matches(RejectedRow(6, "Trùng với dòng 2"), first);
        Assert.Matches(RejectedRow(7, "Vui lòng nhập trích yếu"), first);
        Assert.Matches(RejectedRow(8, "PDF, DOC hoặc DOCX"), first);
        Assert.Matches(RejectedRow(9, "cột"), first);
        Assert.Contains("Đã nhập 0 văn bản; 2 văn bản không thay đổi; 6 dòng bị từ chối.", second);
        Assert.Contains("đã thuộc văn bản khác (mã qd-1)", otherId);
        Assert.Contains("Tệp không phải CSV hay JSON", garbage);
        Assert.Contains("Dòng tiêu đề thiếu cột", noHeader);
        Assert.Contains("Đã nhập 1 văn bản; 0 văn bản không thay đổi; 1 dòng bị từ chối.", json);
        Assert.Contains("Tìm thấy 3 văn bản", WebUtility.HtmlDecode(list));
        Assert.DoesNotContain("Cùng số khác id", WebUtility.HtmlDecode(list));
    }

    private static Regex RejectedRow(int line, string reason) => new($"<th scope=\"row\">{line}</th><td>[^<]*</td><td>[^<]*{Regex.Escape(reason)}");

    [Fact]
    public async Task Status_is_computed_from_dates_and_replacement_and_relations_show_both_ways()
    {
        var (_, admin) = await SiteAsync("xa-hieu-luc");
        await UploadAsync(admin, "xa-hieu-luc", Csv(
            $"cu,1/2020/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,2020-01-01,2020-01-10,,Quy định cũ về đất,normative,,,,,true",
            $"moi,2/{Day(0)[..4]}/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,{Day(-5)},{Day(-1)},,Quy định mới về đất,normative,https://vanban.example.vn/2.docx,1/2020/QĐ-UBND,,,true",
            $"sap-toi,3/KH-UBND,Kế hoạch,UBND xã,Y tế,,,{Day(-2)},{Day(30)},,Kế hoạch sắp có hiệu lực,direction,,,,,true",
            $"het-han,4/KH-UBND,Kế hoạch,UBND xã,Y tế,,,2023-01-05,2023-01-05,{Day(-1)},Kế hoạch đã hết hạn,direction,,,,,true",
            $"huong-dan,5/HD-UBND,Hướng dẫn,UBND xã,Đất đai,,,{Day(-1)},,,Hướng dẫn quy định mới,direction,,,,2/{Day(0)[..4]}/QĐ-UBND,true"));
        var client = Anonymous();

        var old = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-hieu-luc/van-ban/1-2020-qd-ubnd"));
        var replacing = WebUtility.HtmlDecode(await client.GetStringAsync($"/xa-hieu-luc/van-ban/2-{Day(0)[..4]}-qd-ubnd"));
        var replaced = await client.GetStringAsync("/xa-hieu-luc/van-ban?status=bi-thay-the");
        var inEffect = await client.GetStringAsync("/xa-hieu-luc/van-ban?status=con-hieu-luc");
        var future = await client.GetStringAsync("/xa-hieu-luc/van-ban?status=chua-co-hieu-luc");
        var expired = await client.GetStringAsync("/xa-hieu-luc/van-ban?status=het-hieu-luc");

        Assert.Contains("Bị thay thế bởi", old);
        Assert.Contains($"href=\"/xa-hieu-luc/van-ban/2-{Day(0)[..4]}-qd-ubnd\"", old);
        Assert.Contains("Thay thế văn bản", replacing);
        Assert.Contains("Được hướng dẫn bởi", replacing);
        Assert.Contains("5/HD-UBND", replacing);
        Assert.Contains("href=\"https://vanban.example.vn/2.docx\"", replacing);
        Assert.Contains("data-print", replacing);
        Assert.Contains("1/2020/QĐ-UBND", WebUtility.HtmlDecode(replaced));
        Assert.DoesNotContain("1/2020/QĐ-UBND", WebUtility.HtmlDecode(inEffect));
        Assert.Contains("5/HD-UBND", inEffect);
        Assert.Contains("3/KH-UBND", future);
        Assert.DoesNotContain("3/KH-UBND", inEffect);
        Assert.Contains("4/KH-UBND", expired);

        // Taking the replacing document down gives the old one back its validity.
        var editor = $"/xa-hieu-luc/admin/van-ban/moi";
        await admin.PostFormAsync(editor, editor + "/unpublish", []);
        var oldAgain = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-hieu-luc/van-ban/1-2020-qd-ubnd?lan=2"));
        Assert.DoesNotContain("Bị thay thế bởi", oldAgain);
        Assert.Contains("Còn hiệu lực", oldAgain);
    }

    [Fact]
    public async Task Filters_combine_in_the_address_and_impossible_ones_answer_200_with_a_message()
    {
        var (_, admin) = await SiteAsync("xa-loc-vb");
        await UploadAsync(admin, "xa-loc-vb", Csv(
            "a,10/2024/QĐ-UBND,Quyết định,UBND xã,Đất đai,Lê Văn Ba,Chủ tịch,2024-05-01,,,Văn bản A đất đai 2024,normative,,,,,true",
            "b,11/2024/QĐ-UBND,Quyết định,UBND xã,Y tế,Lê Văn Ba,Chủ tịch,2024-06-01,,,Văn bản B y tế 2024,normative,,,,,true",
            "c,12/2023/QĐ-UBND,Quyết định,UBND xã,Đất đai,Lê Văn Ba,Chủ tịch,2023-05-01,,,Văn bản C đất đai 2023,normative,,,,,true",
            "d,13/KH-UBND,Kế hoạch,UBND xã,Đất đai,Trần Thị Tư,Phó Chủ tịch,2024-07-01,,,Văn bản D kế hoạch 2024,direction,,,,,true"));
        var client = Anonymous();

        var combined = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-loc-vb/van-ban?type=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh&year=2024&field=%C4%90%E1%BA%A5t+%C4%91ai&signer=L%C3%AA+V%C4%83n+Ba&kind=normative&status=con-hieu-luc"));
        var byNumber = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-loc-vb/van-ban?number=qd-ubnd&sort=so-ky-hieu"));
        var folded = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-loc-vb/van-ban?number=KH-UBND"));
        var middle = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-loc-vb/van-ban?number=" + Uri.EscapeDataString("/2024/qđ")));
        var short2 = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-loc-vb/van-ban?number=13"));
        var wildcard = await client.GetAsync("/xa-loc-vb/van-ban?number=" + Uri.EscapeDataString("1%_\\"));

        Assert.Contains("Văn bản A đất đai 2024", combined);
        Assert.DoesNotContain("Văn bản B", combined);
        Assert.DoesNotContain("Văn bản C", combined);
        Assert.DoesNotContain("Văn bản D", combined);
        Assert.Contains("Tìm thấy 1 văn bản", combined);
        Assert.True(byNumber.IndexOf("10/2024/QĐ-UBND", StringComparison.Ordinal) < byNumber.IndexOf("12/2023/QĐ-UBND", StringComparison.Ordinal));
        Assert.Contains("Tìm thấy 3 văn bản", byNumber);
        Assert.Contains("Tìm thấy 1 văn bản", folded);
        Assert.Contains("Tìm thấy 2 văn bản", middle);
        Assert.Contains("Tìm thấy 1 văn bản", short2);
        Assert.Equal(HttpStatusCode.OK, wildcard.StatusCode);
        Assert.Contains("Không có văn bản phù hợp.", WebUtility.HtmlDecode(await wildcard.Content.ReadAsStringAsync()));

        // The number index follows a corrected number (the trigram table is kept by triggers).
        await UploadAsync(admin, "xa-loc-vb", Csv("d,14/KH-UBND,Kế hoạch,UBND xã,Đất đai,Trần Thị Tư,Phó Chủ tịch,2024-07-01,,,Văn bản D kế hoạch 2024,direction,,,,,true"));
        Assert.Contains("Không có văn bản phù hợp.", WebUtility.HtmlDecode(await client.GetStringAsync("/xa-loc-vb/van-ban?number=13/kh")));
        Assert.Contains("Tìm thấy 1 văn bản", WebUtility.HtmlDecode(await client.GetStringAsync("/xa-loc-vb/van-ban?number=14/kh")));

        foreach (var query in new[] { "year=abc", "page=-5", "status=xyz", "year=99999", "type=S%E1%BA%AFc+l%E1%BB%87nh", "kind=x", "page=abc&year=2024" })
        {
            var response = await client.GetAsync("/xa-loc-vb/van-ban?" + query);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("không hợp lệ", html.Replace("không có trong danh mục", "không hợp lệ", StringComparison.Ordinal));
            Assert.Contains("Không có văn bản phù hợp.", html);
            Assert.DoesNotContain("Văn bản A", html);
        }

        var farPage = await client.GetAsync("/xa-loc-vb/van-ban?page=99999999");
        var farHtml = WebUtility.HtmlDecode(await farPage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, farPage.StatusCode);
        Assert.Contains("Không có văn bản phù hợp.", farHtml);
        Assert.DoesNotContain("Văn bản A", farHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xa-loc-vb/van-ban/khong-co")).StatusCode);
    }

    [Fact]
    public async Task A_commune_sees_neither_the_provinces_documents_nor_its_references()
    {
        var (province, provinceAdmin) = await SiteAsync("so-tu-phap-vb");
        var (commune, _) = await SiteAsync("xa-rieng-vb");
        await UploadAsync(provinceAdmin, "so-tu-phap-vb", Csv("p1,77/2025/QĐ-UBND,Quyết định,UBND tỉnh,Tư pháp,,,2025-01-01,,,Văn bản riêng của tỉnh,normative,,,,,true"));
        var client = Anonymous();

        var own = await client.GetAsync("/so-tu-phap-vb/van-ban/77-2025-qd-ubnd");
        var other = await client.GetAsync("/xa-rieng-vb/van-ban/77-2025-qd-ubnd");
        var otherList = await client.GetStringAsync("/xa-rieng-vb/van-ban?number=77");
        var otherListByTrigram = await client.GetStringAsync("/xa-rieng-vb/van-ban?number=77%2F2025");
        var sitemap = await client.GetStringAsync("/xa-rieng-vb/sitemap.xml");
        var fromProvince = await ResolveAsync(province, "77/2025/QĐ-UBND", "khong-co");
        var fromCommune = await ResolveAsync(commune, "77/2025/QĐ-UBND");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("riêng của tỉnh", WebUtility.HtmlDecode(otherList));
        Assert.DoesNotContain("riêng của tỉnh", WebUtility.HtmlDecode(otherListByTrigram));
        Assert.DoesNotContain("77-2025-qd-ubnd", sitemap);
        Assert.Equal("~/van-ban/77-2025-qd-ubnd", fromProvince["77/2025/QĐ-UBND"].Path);
        Assert.Contains("77/2025/QĐ-UBND", fromProvince["77/2025/QĐ-UBND"].Title);
        Assert.Single(fromProvince);
        Assert.Empty(fromCommune);
    }

    [Fact]
    public async Task Imports_never_overwrite_other_types_deleted_or_archived_documents()
    {
        var (site, admin) = await SiteAsync("xa-ghi-de-vb");
        var news = await admin.PostFormAsync("/xa-ghi-de-vb/admin/news/create", "/xa-ghi-de-vb/admin/news/create", new() { ["Title"] = "Tin không được ghi đè", ["Category"] = "thong-bao" });
        var newsId = news.Headers.Location!.ToString().Split('/').Last();
        await UploadAsync(admin, "xa-ghi-de-vb", Csv(
            "xoa-1,21/2025/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,2025-01-01,,,Sẽ bị xóa,normative,,,,,true",
            "luu-1,22/2025/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,2025-01-01,,,Sẽ được lưu trữ,normative,,,,,true"));
        await InSiteAsync(site, m => m.DeleteAsync("xoa-1", ContentActor.System));
        await InSiteAsync(site, async m => { await m.UnpublishAsync("luu-1", ContentActor.System); return await m.ArchiveAsync("luu-1", ContentActor.System); });

        var report = await UploadAsync(admin, "xa-ghi-de-vb", Csv(
            $"{newsId},23/2025/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,2025-01-01,,,Ghi đè tin bài,normative,,,,,true",
            "xoa-1,21/2025/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,2025-01-01,,,Nhập lại văn bản đã xóa,normative,,,,,true",
            "luu-1,22/2025/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,2025-01-01,,,Nhập đè văn bản lưu trữ,normative,,,,,true"));
        var article = await InSiteAsync(site, m => m.LatestAsync(newsId));

        Assert.Contains("loại khác", report);
        Assert.Contains("đã bị xóa", report);
        Assert.Contains("đã được lưu trữ", report);
        Assert.Equal("news", article!.ContentType);
        Assert.Equal("Tin không được ghi đè", article.Title);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync("/xa-ghi-de-vb/van-ban/21-2025-qd-ubnd")).StatusCode);
    }

    [Fact]
    public async Task A_number_reused_later_is_not_taken_for_the_replaced_one_and_files_keep_the_site_address()
    {
        var (_, admin) = await SiteAsync("xa-so-nam-vb");
        await UploadAsync(admin, "xa-so-nam-vb", Csv(
            "cu-2024,12/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,2024-02-01,,,Quyết định số 12 năm 2024,normative,/media/7/qd-12.pdf,,,,true",
            "moi-2025,30/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,2025-03-01,,,Thay thế quyết định 12,normative,,12/QĐ-UBND,,,true",
            "cu-2026,12/QĐ-UBND,Quyết định,HĐND xã,Đất đai,,,2026-02-01,,,Quyết định số 12 năm 2026,normative,,,,,true"));
        var client = Anonymous();

        var replaced = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-so-nam-vb/van-ban?status=bi-thay-the"));
        var older = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-so-nam-vb/van-ban/12-qd-ubnd-2024"));
        var later = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-so-nam-vb/van-ban/12-qd-ubnd-2026"));

        Assert.Contains("Quyết định số 12 năm 2024", replaced);
        Assert.DoesNotContain("Quyết định số 12 năm 2026", replaced);
        Assert.Contains("Bị thay thế bởi", older);
        Assert.DoesNotContain("Bị thay thế bởi", later);
        Assert.Contains("href=\"/xa-so-nam-vb/media/7/qd-12.pdf\"", older);
    }

    [Fact]
    public async Task The_number_index_follows_every_write()
    {
        var (site, admin) = await SiteAsync("xa-chi-muc-vb");
        await UploadAsync(admin, "xa-chi-muc-vb", Csv(
            "a,41/2025/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,2025-01-01,,,Một,normative,,,,,true",
            "b,42/2025/QĐ-UBND,Quyết định,UBND xã,Đất đai,,,2025-01-02,,,Hai,normative,,,,,true"));
        await InSiteAsync(site, m => m.UnpublishAsync("b", ContentActor.System));

        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        var db = scope.ServiceProvider.GetRequiredService<Portal.Core.Persistence.PortalDbContext>();
        var published = await db.Set<Portal.LegalDocuments.Models.PublishedLegalDocument>().Select(d => new { d.Id, d.Number }).ToListAsync();
        var client = Factory.CreateClient();
        var found = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-chi-muc-vb/van-ban?number=41/2025"));
        var gone = WebUtility.HtmlDecode(await client.GetStringAsync("/xa-chi-muc-vb/van-ban?number=42/2025"));

        var only = Assert.Single(published);
        Assert.Equal("41/2025/QĐ-UBND", only.Number);
        Assert.Contains("Tìm thấy 1 văn bản", found);
        Assert.Contains("Không có văn bản phù hợp.", gone);
        if (db.Database.ProviderName != "Microsoft.EntityFrameworkCore.Sqlite")
        {
            return; // PostgreSQL's trigram index is an ordinary index, kept by the database itself.
        }

        // An external-content FTS5 table counts its content table's rows, so counting proves nothing:
        // look the numbers up in the index itself, and let SQLite compare index and content.
        Task<List<int>> Indexed(string pattern) => db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "LegalDocumentsPublished_fts" WHERE "NumberFolded" LIKE {pattern}""").ToListAsync();
        var inserted = await Indexed("%41/2025/q%");
        var deleted = await Indexed("%42/2025/q%");
        var triggers = await EntityFrameworkQueryableExtensions.SingleAsync(db.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'LegalDocumentsPublished_fts_%'"""));
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "LegalDocumentsPublished_fts"("LegalDocumentsPublished_fts", rank) VALUES ('integrity-check', 1)""");

        Assert.Equal(new[] { only.Id }, inserted);
        Assert.Empty(deleted);
        Assert.Equal(3, triggers);
    }

    private async Task<T> InSiteAsync<T>(Tenant site, Func<ContentManager, Task<T>> work)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        return await work(scope.ServiceProvider.GetRequiredService<ContentManager>());
    }

    private async Task InSiteAsync(Tenant site, Func<ContentManager, Task> work)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        await work(scope.ServiceProvider.GetRequiredService<ContentManager>());
    }

    private async Task<IReadOnlyDictionary<string, ContentReference>> ResolveAsync(Tenant site, params string[] numbers)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        var resolver = scope.ServiceProvider.GetServices<IContentReferenceResolver>().Single(r => r.Type == "legal-document");
        return await resolver.ResolveAsync(numbers, CancellationToken.None);
    }

    [Fact]
    public async Task The_desk_needs_its_permissions_and_edits_go_through_the_workflow_with_messages_beside_fields()
    {
        var (_, admin) = await SiteAsync("xa-ban-vb");
        foreach (var (user, role) in new[] { ("pv-vb", "Reporter"), ("btv-vb", "Editor") })
        {
            await admin.PostFormAsync("/xa-ban-vb/admin/users/add", "/xa-ban-vb/admin/users/add", new() { ["UserName"] = user, ["Password"] = "Passw0rd-B!", ["Role"] = role });
        }

        var reporter = await AdminClient.SignedInAsync(Factory, "pv-vb", "Passw0rd-B!", "/xa-ban-vb");
        var editor = await AdminClient.SignedInAsync(Factory, "btv-vb", "Passw0rd-B!", "/xa-ban-vb");
        var anonymous = await Anonymous().GetAsync("/xa-ban-vb/admin/van-ban");
        var reporterDenied = await reporter.Http.GetAsync("/xa-ban-vb/admin/van-ban");
        var editorImport = await editor.Http.GetAsync("/xa-ban-vb/admin/van-ban/import");

        var invalid = await editor.PostFormAsync("/xa-ban-vb/admin/van-ban/create", "/xa-ban-vb/admin/van-ban/create", new()
        {
            ["Number"] = "",
            ["Type"] = "Sắc lệnh",
            ["IssuingAuthority"] = "UBND xã",
            ["IssuedOn"] = "2025-13-01",
            ["Summary"] = "Giữ lại trích yếu",
        });
        var invalidHtml = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        var created = await editor.PostFormAsync("/xa-ban-vb/admin/van-ban/create", "/xa-ban-vb/admin/van-ban/create", new()
        {
            ["Number"] = "21/QĐ-UBND",
            ["Type"] = "Quyết định",
            ["Kind"] = "direction",
            ["IssuingAuthority"] = "UBND xã",
            ["IssuedOn"] = "2025-04-01",
            ["Summary"] = "<script>alert('xss')</script> Về việc thành lập tổ công tác",
        });
        var edit = created.Headers.Location!.ToString();
        var editorCannotPublish = await editor.PostFormAsync(edit, edit + "/force-publish", new() { ["reason"] = "gấp" });
        await editor.PostFormAsync(edit, edit, new()
        {
            ["Number"] = "21/QĐ-UBND",
            ["Type"] = "Quyết định",
            ["Kind"] = "direction",
            ["IssuingAuthority"] = "UBND xã",
            ["IssuedOn"] = "2025-04-01",
            ["Summary"] = "<script>alert('xss')</script> Về việc thành lập tổ công tác liên ngành",
        });
        await editor.PostFormAsync(edit, edit + "/submit", []);
        await admin.PostFormAsync(edit, edit + "/approve", []);
        await admin.PostFormAsync(edit, edit + "/publish", []);
        var page = await Anonymous().GetStringAsync("/xa-ban-vb/van-ban/21-qd-ubnd-2025");
        var list = await Anonymous().GetStringAsync("/xa-ban-vb/van-ban");
        var shared = edit.Replace("/admin/van-ban/", "/admin/contents/", StringComparison.Ordinal);
        var history = await admin.Http.GetStringAsync(shared + "/history");
        var diff = WebUtility.HtmlDecode(await admin.Http.GetStringAsync(shared + "/diff?from=1&to=2"));

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/xa-ban-vb/admin/login", anonymous.Headers.Location!.AbsolutePath);
        Assert.Contains("/admin/denied", reporterDenied.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Http.GetAsync(reporterDenied.Headers.Location)).StatusCode);
        Assert.Contains("/admin/denied", editorImport.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Vui lòng nhập số/ký hiệu.", invalidHtml);
        Assert.Contains("không có trong danh mục", invalidHtml);
        Assert.Contains("Ngày \"2025-13-01\" không hợp lệ", invalidHtml);
        Assert.Contains("Giữ lại trích yếu", invalidHtml);
        Assert.Contains("/admin/denied", editorCannotPublish.Headers.Location!.ToString());
        Assert.DoesNotContain("<script>alert('xss')</script>", page);
        Assert.Contains("&lt;script&gt;", page);
        Assert.DoesNotContain("<script>alert('xss')</script>", list);
        Assert.Contains("tổ công tác liên ngành", WebUtility.HtmlDecode(page));
        Assert.Contains("btv-vb", history);
        Assert.Contains("Trích yếu", diff);
    }

    [Fact]
    public async Task The_shared_list_filters_documents_by_their_own_fields_and_the_desks_old_address_leads_there()
    {
        var site = await Factory.ProvisionAsync("xa-ds-vb");
        await Factory.CreateSiteAdministratorAsync(site, "qt-ds-vb", "Passw0rd-Q!");
        var admin = await AdminClient.SignedInAsync(Factory, "qt-ds-vb", "Passw0rd-Q!", "/xa-ds-vb");
        foreach (var (number, type, year) in new[] { ("31/QĐ-UBND", "Quyết định", 2024), ("32/KH-UBND", "Kế hoạch", 2025) })
        {
            var created = await admin.PostFormAsync("/xa-ds-vb/admin/van-ban/create", "/xa-ds-vb/admin/van-ban/create", new()
            {
                ["Number"] = number, ["Type"] = type, ["Kind"] = "direction", ["IssuingAuthority"] = "UBND xã", ["IssuedOn"] = $"{year}-04-01", ["Summary"] = "Văn bản " + number,
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var byType = WebUtility.HtmlDecode(await admin.Http.GetStringAsync("/xa-ds-vb/admin/contents?type=legal-document&docType=" + Uri.EscapeDataString("Kế hoạch")));
        var byYear = WebUtility.HtmlDecode(await admin.Http.GetStringAsync("/xa-ds-vb/admin/contents?type=legal-document&year=2024"));
        var byNumber = WebUtility.HtmlDecode(await admin.Http.GetStringAsync("/xa-ds-vb/admin/contents?type=legal-document&number=32%2Fkh"));
        var nonsense = await admin.Http.GetAsync("/xa-ds-vb/admin/contents?type=legal-document&year=abc&docType=Sắc+lệnh");
        var oldDesk = await admin.Http.GetAsync("/xa-ds-vb/admin/van-ban?type=" + Uri.EscapeDataString("Kế hoạch") + "&year=2025");

        Assert.Contains("32/KH-UBND · UBND xã", byType);
        Assert.DoesNotContain("31/QĐ-UBND", byType);
        Assert.Contains("31/QĐ-UBND", byYear);
        Assert.DoesNotContain("32/KH-UBND", byYear);
        Assert.Contains("32/KH-UBND", byNumber);
        Assert.DoesNotContain("31/QĐ-UBND", byNumber);
        Assert.Equal(HttpStatusCode.OK, nonsense.StatusCode);
        Assert.Contains("2 nội dung", WebUtility.HtmlDecode(await nonsense.Content.ReadAsStringAsync()));
        Assert.Equal("/xa-ds-vb/admin/contents?type=legal-document&docType=K%E1%BA%BF%20ho%E1%BA%A1ch&year=2025", oldDesk.Headers.Location!.ToString());
    }
}

public sealed class LegalDocumentTestsSqlite(SqliteFixture fixture) : LegalDocumentTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class LegalDocumentTestsPostgres(PostgresFixture fixture) : LegalDocumentTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
