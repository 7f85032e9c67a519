using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;
using Portal.Tests.Modules.Api;

namespace Portal.Tests.Modules.Contents;

/// <summary>
/// The content API (issue #11 item 3) as an integrator uses it: a client and a real token from the
/// site's /connect/token, then GET and PUT over HTTP, on both providers.
/// </summary>
public abstract class ContentApiTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private const string Secret = "Api-Secret-0123456789-abc";

    private PortalFactory Factory => fixture.Factory;

    private async Task<(Tenant Site, HttpClient Reader, HttpClient Writer)> SiteAsync(string name)
    {
        var site = await Factory.ProvisionAsync(name);
        await ApiHost.AddClientAsync(Factory, name, "doc-" + name, Secret, "content.read");
        await ApiHost.AddClientAsync(Factory, name, "ghi-" + name, Secret, "content.read", "content.write");
        return (site, await ClientAsync(name, "doc-" + name, "content.read"), await ClientAsync(name, "ghi-" + name, "content.read content.write"));
    }

    private async Task<HttpClient> ClientAsync(string prefix, string clientId, string scope)
    {
        var http = Factory.CreateClient();
        var token = await ApiHost.TokenAsync(http, prefix.Length == 0 ? "" : "/" + prefix, clientId, Secret, scope);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient http, string path, string json) =>
        http.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<T> Run<T>(Tenant site, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(site);
        return await work(scope.ServiceProvider);
    }

    private const string Article = """{ "fields": { "title": "Thông báo lịch tiếp công dân", "category": "thong-bao", "summary": "Lịch tháng 12" } }""";

    [Fact]
    public async Task An_article_sent_by_the_api_waits_for_the_editors_and_the_feed_follows_the_public_version()
    {
        var (site, reader, writer) = await SiteAsync("xa-api-tin");
        var path = "/xa-api-tin/api/content/news/tb-tiep-dan";

        var created = await PutAsync(writer, path, Article);
        var again = await PutAsync(writer, path, Article);
        var beforeReview = await JsonAsync(await reader.GetAsync("/xa-api-tin/api/content/news"));
        var audit = await Run(site, async sp =>
        {
            var m = sp.GetRequiredService<ContentManager>();
            return await m.AuditAsync((await m.LatestAsync("news", "tb-tiep-dan"))!);
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith(path, created.Headers.Location!.ToString());
        var body = await JsonAsync(created);
        Assert.Equal(("created", "submitted", false), (body.GetProperty("outcome").GetString(), body.GetProperty("state").GetString(), body.GetProperty("published").GetBoolean()));
        Assert.Equal("unchanged", (await JsonAsync(again)).GetProperty("outcome").GetString());
        Assert.Equal(0, beforeReview.GetProperty("items").GetArrayLength());
        Assert.Contains(audit, a => a.UserName == "API ghi-xa-api-tin" && a.Action == "Submitted");

        // An editor publishes it; the feed lists it, in the envelope's shape.
        await Run(site, async sp =>
        {
            var m = sp.GetRequiredService<ContentManager>();
            await m.ApproveAsync("tb-tiep-dan", ContentActor.System);
            return await m.PublishAsync("tb-tiep-dan", ContentActor.System);
        });
        var feed = await reader.GetAsync("/xa-api-tin/api/content/news");
        var page = await JsonAsync(feed);
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(("news", "tb-tiep-dan", "vi", true), (item.GetProperty("type").GetString(), item.GetProperty("id").GetString(), item.GetProperty("culture").GetString(), item.GetProperty("published").GetBoolean()));
        Assert.Equal("Thông báo lịch tiếp công dân", item.GetProperty("fields").GetProperty("title").GetString());
        Assert.EndsWith("/xa-api-tin/tin-tuc/thong-bao/thong-bao-lich-tiep-cong-dan", item.GetProperty("url").GetString());
        Assert.True(page.GetProperty("next").ValueKind == JsonValueKind.Null);

        // Unchanged since: 304 on the same ETag; a take-down shows as a tombstone after the cursor.
        var cursor = page.GetProperty("cursor").GetString();
        var conditional = new HttpRequestMessage(HttpMethod.Get, "/xa-api-tin/api/content/news");
        conditional.Headers.IfNoneMatch.Add(feed.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(conditional)).StatusCode);
        await Run(site, sp => sp.GetRequiredService<ContentManager>().UnpublishAsync("tb-tiep-dan", ContentActor.System));
        var since = await JsonAsync(await reader.GetAsync($"/xa-api-tin/api/content/news?since={cursor}"));
        Assert.Equal(0, since.GetProperty("items").GetArrayLength());
        Assert.Equal("tb-tiep-dan", Assert.Single(since.GetProperty("deleted").EnumerateArray()).GetProperty("id").GetString());
        var conditionalAgain = new HttpRequestMessage(HttpMethod.Get, "/xa-api-tin/api/content/news");
        conditionalAgain.Headers.IfNoneMatch.Add(feed.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await reader.SendAsync(conditionalAgain)).StatusCode);
    }

    [Fact]
    public async Task A_legal_document_is_published_as_sent_and_read_back_unchanged()
    {
        var (_, reader, writer) = await SiteAsync("xa-api-vb");
        const string Document = """
            { "type": "legal-document", "id": "qd-15-2026", "published": true,
              "fields": { "number": "15/2026/QĐ-UBND", "type": "Quyết định", "issuingAuthority": "UBND tỉnh", "field": "Đất đai",
                          "signer": "Nguyễn Văn A", "issuedOn": "2026-03-01", "summary": "Về việc ban hành quy định bồi thường", "kind": "normative" } }
            """;

        var created = await JsonAsync(await PutAsync(writer, "/xa-api-vb/api/content/legal-document/qd-15-2026", Document));
        var page = await JsonAsync(await reader.GetAsync("/xa-api-vb/api/content/legal-document"));
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        var roundTrip = $$"""{ "published": true, "fields": {{item.GetProperty("fields").GetRawText()}} }""";
        var again = await JsonAsync(await PutAsync(writer, "/xa-api-vb/api/content/legal-document/qd-15-2026", roundTrip));

        Assert.Equal(("created", "published", true), (created.GetProperty("outcome").GetString(), created.GetProperty("state").GetString(), created.GetProperty("published").GetBoolean()));
        Assert.Equal("15/2026/QĐ-UBND", item.GetProperty("fields").GetProperty("number").GetString());
        Assert.Equal("unchanged", again.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateClient().GetAsync(new Uri(item.GetProperty("url").GetString()!).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Bad_requests_get_problem_details_and_write_nothing()
    {
        var (site, reader, writer) = await SiteAsync("xa-api-loi");
        await PutAsync(writer, "/xa-api-loi/api/content/news/tin-co-san", Article);

        var noFields = await PutAsync(writer, "/xa-api-loi/api/content/news/tin-moi", """{ "published": true }""");
        var noTitle = await PutAsync(writer, "/xa-api-loi/api/content/news/tin-moi", """{ "fields": { "summary": "thiếu tiêu đề" } }""");
        var unknownField = await PutAsync(writer, "/xa-api-loi/api/content/news/tin-moi", """{ "fields": { "title": "x", "mau": "đỏ" } }""");
        var wrongType = await PutAsync(writer, "/xa-api-loi/api/content/news/tin-moi", """{ "type": "page", "fields": { "title": "x" } }""");
        var notJson = await PutAsync(writer, "/xa-api-loi/api/content/news/tin-moi", "{ tiêu đề");
        var badId = await PutAsync(writer, "/xa-api-loi/api/content/news/c%C3%B3-d%E1%BA%A5u", Article);
        var otherType = await PutAsync(writer, "/xa-api-loi/api/content/page/tin-co-san", """{ "fields": { "title": "Ghi đè", "body": "<p>x</p>" } }""");
        var readerWrites = await PutAsync(reader, "/xa-api-loi/api/content/news/tin-moi", Article);
        var unknownType = await reader.GetAsync("/xa-api-loi/api/content/tin-don");
        var badSince = await reader.GetAsync("/xa-api-loi/api/content/news?since=-1");
        var badPage = await reader.GetAsync("/xa-api-loi/api/content/news?page=x1");
        var anonymous = await Factory.CreateClient().GetAsync("/xa-api-loi/api/content/news");
        var written = await Run(site, sp => sp.GetRequiredService<PortalDbContext>().Set<ContentItem>().CountAsync(c => c.ContentItemId == "tin-moi"));

        foreach (var (response, status) in new[]
        {
            (noFields, HttpStatusCode.BadRequest), (noTitle, HttpStatusCode.BadRequest), (unknownField, HttpStatusCode.BadRequest),
            (wrongType, HttpStatusCode.BadRequest), (notJson, HttpStatusCode.BadRequest), (badId, HttpStatusCode.BadRequest),
            (otherType, HttpStatusCode.Conflict), (readerWrites, HttpStatusCode.Forbidden), (unknownType, HttpStatusCode.NotFound),
            (badSince, HttpStatusCode.BadRequest), (badPage, HttpStatusCode.BadRequest), (anonymous, HttpStatusCode.Unauthorized),
        })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.True((await JsonAsync(noTitle)).GetProperty("errors").TryGetProperty("fields.title", out _));
        Assert.True((await JsonAsync(noFields)).GetProperty("errors").TryGetProperty("fields", out _));
        Assert.True((await JsonAsync(wrongType)).GetProperty("errors").TryGetProperty("type", out _));
        Assert.Equal(0, written);
    }

    [Fact]
    public async Task A_province_token_reads_a_commune_below_and_a_commune_token_not_the_province()
    {
        var commune = await Factory.ProvisionAsync("xa-api-duoi");
        await ApiHost.AddClientAsync(Factory, "default", "tinh-doc-noi-dung", Secret, "content.read");
        await ApiHost.AddClientAsync(Factory, commune.Name, "xa-doc-noi-dung", Secret, "content.read");
        var province = await ClientAsync("", "tinh-doc-noi-dung", "content.read");
        var communeClient = await ClientAsync(commune.Name, "xa-doc-noi-dung", "content.read");

        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/{commune.Name}/api/content/news")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await communeClient.GetAsync("/api/content/news")).StatusCode);
    }
}

public sealed class ContentApiTestsSqlite(SqliteFixture fixture) : ContentApiTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class ContentApiTestsPostgres(PostgresFixture fixture) : ContentApiTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
