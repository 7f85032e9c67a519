using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Questions.Models;
using Portal.Tests.Infrastructure;
using Portal.Tests.Modules.Api;

namespace Portal.Tests.Modules.Questions;

/// <summary>What the questions API's tests send: a valid question, its JSON, and the calls.</summary>
public static class QuestionApi
{
    public const string Secret = "Questions-Secret-0123456789";

    public static string Json(string title = "Hỏi về thủ tục cấp giấy chứng nhận", string? extra = null) => $$"""
        { "senderName": "Nguyễn Thị Lan", "email": "lan.nguyen@example.vn", "phone": "0912 345 678", "address": "Thôn Đông, xã Hồng Hà",
          "title": "{{title}}", "content": "Gia đình tôi muốn hỏi thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những giấy tờ gì?",
          "field": "dat-dai", "consentToPublish": true, "showName": false{{(extra is null ? "" : ", " + extra)}} }
        """;

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string prefix, string json, string mediaType = "application/json") =>
        http.PostAsync($"{prefix}/api/questions", new StringContent(json, Encoding.UTF8, mediaType));

    public static Task<HttpResponseMessage> PostBytesAsync(HttpClient http, string prefix, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return http.PostAsync($"{prefix}/api/questions", content);
    }

    /// <summary>The <c>challenge</c> member of a body, solved for a ticket of <c>GET /api/questions/challenge</c>.</summary>
    public static string Solved(JsonElement ticket)
    {
        var nonce = Portal.Core.Forms.Challenge.FormChallengeSolver.Solve(ticket.GetProperty("salt").GetString()!, ticket.GetProperty("difficulty").GetInt32());
        return "\"challenge\": " + JsonSerializer.Serialize(new { token = ticket.GetProperty("token").GetString(), nonce });
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<HttpClient> TokenClientAsync(PortalFactory factory, string site, string clientId, string scopes = "questions.submit", string? tokenSite = null)
    {
        tokenSite ??= site;
        await ApiHost.AddClientAsync(factory, tokenSite, clientId, Secret, scopes.Split(' '));
        var http = factory.CreateClient();
        var token = await ApiHost.TokenAsync(http, tokenSite == Tenant.DefaultName ? "" : "/" + tokenSite, clientId, Secret, scopes);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static async Task<List<QuestionCase>> CasesAsync(PortalFactory factory, Tenant site)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(site);
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<QuestionCase>().AsNoTracking().OrderBy(q => q.Id).ToListAsync();
    }
}

/// <summary>
/// The questions API (issue #12 items 1 and 8) as an integrator and an anonymous caller use it, over
/// HTTP against the real host with real tokens, on both providers.
/// </summary>
public abstract class QuestionsApiTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_token_submits_without_a_challenge_and_the_code_shows_the_public_status_without_personal_data()
    {
        var site = await Factory.ProvisionAsync("xa-hd-token");
        var http = await QuestionApi.TokenClientAsync(Factory, site.Name, "app-hd-token");

        var created = await QuestionApi.PostAsync(http, "/xa-hd-token", QuestionApi.Json());
        var receipt = await QuestionApi.JsonAsync(created);
        var code = receipt.GetProperty("trackingCode").GetString()!;
        var status = await Factory.CreateClient().GetAsync(created.Headers.Location);
        var text = await status.Content.ReadAsStringAsync();
        var stored = Assert.Single(await QuestionApi.CasesAsync(Factory, site));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/xa-hd-token/api/questions/{code}", created.Headers.Location!.ToString());
        Assert.Equal("received", receipt.GetProperty("status").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", receipt.GetProperty("answerDue").GetString());
        Assert.EndsWith($"/xa-hd-token/hoi-dap/tra-cuu?ma={code}", receipt.GetProperty("lookupUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal((code, "received", "dat-dai"), (body.GetProperty("trackingCode").GetString(), body.GetProperty("status").GetString(), body.GetProperty("field").GetString()));
        var step = Assert.Single(body.GetProperty("history").EnumerateArray());
        Assert.Equal("received", step.GetProperty("kind").GetString());
        Assert.StartsWith("Đã tiếp nhận câu hỏi", step.GetProperty("text").GetString());
        foreach (var personal in new[] { "Nguyễn Thị Lan", "lan.nguyen@example.vn", "0912 345 678", "Thôn Đông", "app-hd-token" })
        {
            Assert.DoesNotContain(personal, text);
        }

        Assert.Equal((QuestionSource.Api, "app-hd-token", code), (stored.Source, stored.ApiClientId, stored.TrackingCode));

        // The same code in lower case and without the dash is the same question; other codes are 404 problems.
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateClient().GetAsync($"/xa-hd-token/api/questions/{code.Replace("-", "").ToLowerInvariant()}")).StatusCode);
        foreach (var wrong in new[] { "ABCDE-FGHJK", "0OIL1-00000", "x", new string('A', 300) })
        {
            var missing = await Factory.CreateClient().GetAsync($"/xa-hd-token/api/questions/{wrong}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        }

        // Another site does not know the code.
        await Factory.ProvisionAsync("xa-hd-token-khac");
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync($"/xa-hd-token-khac/api/questions/{code}")).StatusCode);
    }

    [Fact]
    public async Task Tokens_without_the_scope_or_of_a_sibling_site_are_refused_as_the_other_apis_refuse_them()
    {
        var site = await Factory.ProvisionAsync("xa-hd-quyen");
        await Factory.ProvisionAsync("xa-hd-quyen-ben");
        var reader = await QuestionApi.TokenClientAsync(Factory, site.Name, "doc-hd-quyen", "content.read");
        var sibling = await QuestionApi.TokenClientAsync(Factory, "xa-hd-quyen-ben", "app-hd-ben");
        var forged = Factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        foreach (var (response, expected) in new[]
        {
            (await QuestionApi.PostAsync(reader, "/xa-hd-quyen", QuestionApi.Json()), HttpStatusCode.Forbidden),
            (await reader.GetAsync("/xa-hd-quyen/api/questions"), HttpStatusCode.Forbidden),
            (await QuestionApi.PostAsync(sibling, "/xa-hd-quyen", QuestionApi.Json()), HttpStatusCode.Unauthorized),
            (await sibling.GetAsync("/xa-hd-quyen/api/questions"), HttpStatusCode.Unauthorized),
            (await QuestionApi.PostAsync(forged, "/xa-hd-quyen", QuestionApi.Json()), HttpStatusCode.Unauthorized),
            (await Factory.CreateClient().GetAsync("/xa-hd-quyen/api/questions"), HttpStatusCode.Unauthorized),
        })
        {
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (expected == HttpStatusCode.Unauthorized)
            {
                Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
            }
        }

        Assert.Empty(await QuestionApi.CasesAsync(Factory, site));
    }

    [Fact]
    public async Task Bad_bodies_are_400_or_413_problem_details_naming_the_field_and_store_nothing()
    {
        var site = await Factory.ProvisionAsync("xa-hd-loi");
        var http = await QuestionApi.TokenClientAsync(Factory, site.Name, "app-hd-loi");
        const string P = "/xa-hd-loi";

        var empty = await QuestionApi.PostAsync(http, P, "{}");
        var unknown = await QuestionApi.PostAsync(http, P, QuestionApi.Json(extra: "\"priority\": 1, \"isAdmin\": true"));
        var wrongTypes = await QuestionApi.PostAsync(http, P, QuestionApi.Json().Replace("\"lan.nguyen@example.vn\"", "42").Replace("\"consentToPublish\": true", "\"consentToPublish\": \"yes\""));
        var badEmail = await QuestionApi.PostAsync(http, P, QuestionApi.Json().Replace("lan.nguyen@example.vn", "không phải thư"));
        var malformed = await QuestionApi.PostAsync(http, P, "{ \"title\": ");
        var array = await QuestionApi.PostAsync(http, P, "[1, 2]");
        var badUtf8 = await QuestionApi.PostBytesAsync(http, P, [.. Encoding.UTF8.GetBytes("{ \"title\": \""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\" }")]);
        var badUtf8Name = await QuestionApi.PostBytesAsync(http, P, [.. "{\""u8.ToArray(), 0xC3, 0x28, .. "\": 1}"u8.ToArray()]);
        var loneSurrogate = await QuestionApi.PostAsync(http, P, QuestionApi.Json(title: "Câu hỏi \\ud800 lạ"));
        var nul = await QuestionApi.PostAsync(http, P, QuestionApi.Json(title: "Câu hỏi \\u0000 có NUL"));
        var deep = await QuestionApi.PostAsync(http, P, QuestionApi.Json(extra: "\"x\": " + string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000))));
        var twice = await QuestionApi.PostAsync(http, P, "{ \"title\": \"Một\", \"title\": \"Hai\" }");
        var huge = await QuestionApi.PostAsync(http, P, QuestionApi.Json(title: new string('x', 400_000)));
        var longContent = await QuestionApi.PostAsync(http, P, QuestionApi.Json().Replace("Gia đình tôi muốn hỏi", new string('a', 12_000)));
        var notJson = await QuestionApi.PostAsync(http, P, "senderName=x", "application/x-www-form-urlencoded");

        foreach (var (response, expected) in new[]
        {
            (empty, HttpStatusCode.BadRequest), (unknown, HttpStatusCode.BadRequest), (wrongTypes, HttpStatusCode.BadRequest),
            (badEmail, HttpStatusCode.BadRequest), (malformed, HttpStatusCode.BadRequest), (array, HttpStatusCode.BadRequest),
            (badUtf8, HttpStatusCode.BadRequest), (badUtf8Name, HttpStatusCode.BadRequest), (loneSurrogate, HttpStatusCode.BadRequest), (nul, HttpStatusCode.BadRequest),
            (deep, HttpStatusCode.BadRequest), (twice, HttpStatusCode.BadRequest), (huge, HttpStatusCode.RequestEntityTooLarge),
            (longContent, HttpStatusCode.BadRequest), (notJson, HttpStatusCode.UnsupportedMediaType),
        })
        {
            Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} instead of {(int)expected}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        static async Task<string[]> Fields(HttpResponseMessage r) =>
            [.. (await QuestionApi.JsonAsync(r)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order()];

        Assert.Equal(["content", "email", "field", "senderName", "title"], await Fields(empty));
        Assert.Equal(["isAdmin", "priority"], await Fields(unknown));
        Assert.Contains("priority", (await QuestionApi.JsonAsync(unknown)).GetProperty("detail").GetString());
        Assert.Equal(["consentToPublish", "email"], await Fields(wrongTypes));
        Assert.Equal(["email"], await Fields(badEmail));
        Assert.Contains("hợp lệ", (await QuestionApi.JsonAsync(badEmail)).GetProperty("errors").GetProperty("email")[0].GetString());
        Assert.Equal(["title"], await Fields(loneSurrogate));
        Assert.Equal(["title"], await Fields(nul));
        Assert.Equal(["title"], await Fields(twice));
        Assert.Equal(["content"], await Fields(longContent));
        Assert.Empty(await QuestionApi.CasesAsync(Factory, site));
    }

    [Fact]
    public async Task An_anonymous_caller_with_a_solved_challenge_submits_once_per_ticket()
    {
        var site = await Factory.ProvisionAsync("xa-hd-thach-thuc");
        var anonymous = Factory.CreateClient();

        var issued = await anonymous.GetAsync("/xa-hd-thach-thuc/api/questions/challenge");
        var ticket = await QuestionApi.JsonAsync(issued);
        var challenge = QuestionApi.Solved(ticket);
        var created = await QuestionApi.PostAsync(anonymous, "/xa-hd-thach-thuc", QuestionApi.Json(extra: challenge));
        var status = await anonymous.GetAsync(created.Headers.Location);
        var replay = await QuestionApi.PostAsync(anonymous, "/xa-hd-thach-thuc", QuestionApi.Json(extra: challenge));
        var otherSite = await Factory.ProvisionAsync("xa-hd-thach-thuc-khac");
        var elsewhere = await QuestionApi.PostAsync(anonymous, "/xa-hd-thach-thuc-khac",
            QuestionApi.Json(extra: QuestionApi.Solved(await QuestionApi.JsonAsync(await anonymous.GetAsync("/xa-hd-thach-thuc/api/questions/challenge")))));

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Equal("no-store", issued.Headers.CacheControl?.ToString());
        Assert.True(ticket.GetProperty("difficulty").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("(reused)", (await QuestionApi.JsonAsync(replay)).GetProperty("errors").GetProperty("challenge")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        var stored = Assert.Single(await QuestionApi.CasesAsync(Factory, site));
        Assert.Equal((QuestionSource.Api, (string?)null), (stored.Source, stored.ApiClientId));
        Assert.Empty(await QuestionApi.CasesAsync(Factory, otherSite));
    }

    [Fact]
    public async Task An_anonymous_caller_without_a_solved_challenge_is_refused_with_the_fields_checked_too()
    {
        var site = await Factory.ProvisionAsync("xa-hd-an-danh");
        var anonymous = Factory.CreateClient();

        var none = await QuestionApi.PostAsync(anonymous, "/xa-hd-an-danh", QuestionApi.Json());
        var noneAndBad = await QuestionApi.PostAsync(anonymous, "/xa-hd-an-danh", QuestionApi.Json(title: "x"));
        var wrong = await QuestionApi.PostAsync(anonymous, "/xa-hd-an-danh", QuestionApi.Json(extra: "\"challenge\": { \"token\": \"bịa\", \"nonce\": \"1\" }"));
        var badShape = await QuestionApi.PostAsync(anonymous, "/xa-hd-an-danh", QuestionApi.Json(extra: "\"challenge\": \"abc\""));

        foreach (var response in new[] { none, noneAndBad, wrong, badShape })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await QuestionApi.JsonAsync(response)).GetProperty("errors").TryGetProperty("challenge", out _));
        }

        Assert.True((await QuestionApi.JsonAsync(noneAndBad)).GetProperty("errors").TryGetProperty("title", out _));
        Assert.Empty(await QuestionApi.CasesAsync(Factory, site));
    }

    [Fact]
    public async Task A_client_lists_its_own_submissions_with_their_history_page_by_page()
    {
        var site = await Factory.ProvisionAsync("xa-hd-ds");
        var mine = await QuestionApi.TokenClientAsync(Factory, site.Name, "app-hd-ds");
        var other = await QuestionApi.TokenClientAsync(Factory, site.Name, "app-hd-ds-khac");
        // A province client of the same id calls this commune: its questions are its own, not the commune client's.
        var province = await QuestionApi.TokenClientAsync(Factory, site.Name, "app-hd-ds-tinh", tokenSite: Tenant.DefaultName);
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await QuestionApi.JsonAsync(await QuestionApi.PostAsync(mine, "/xa-hd-ds", QuestionApi.Json($"Câu hỏi số {i + 1} của ứng dụng")))).GetProperty("trackingCode").GetString()!);
        }

        var otherCode = (await QuestionApi.JsonAsync(await QuestionApi.PostAsync(other, "/xa-hd-ds", QuestionApi.Json()))).GetProperty("trackingCode").GetString();
        var provinceCreated = await QuestionApi.PostAsync(province, "/xa-hd-ds", QuestionApi.Json());

        var all = await QuestionApi.JsonAsync(await mine.GetAsync("/xa-hd-ds/api/questions"));
        var first = await QuestionApi.JsonAsync(await mine.GetAsync("/xa-hd-ds/api/questions?limit=2&status=received"));
        var next = first.GetProperty("next").GetString()!;
        var second = await QuestionApi.JsonAsync(await mine.GetAsync(next));
        var answered = await QuestionApi.JsonAsync(await mine.GetAsync("/xa-hd-ds/api/questions?status=answered,published"));
        var future = await QuestionApi.JsonAsync(await mine.GetAsync("/xa-hd-ds/api/questions?since=" + Uri.EscapeDataString(DateTime.UtcNow.AddDays(1).ToString("O"))));
        var past = await QuestionApi.JsonAsync(await mine.GetAsync("/xa-hd-ds/api/questions?since=2026-01-01"));
        var theirs = await QuestionApi.JsonAsync(await other.GetAsync("/xa-hd-ds/api/questions"));
        var provinces = await QuestionApi.JsonAsync(await province.GetAsync("/xa-hd-ds/api/questions"));

        static string[] Codes(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trackingCode").GetString()!)];

        Assert.Equal(codes, Codes(all));
        Assert.All(all.GetProperty("items").EnumerateArray(), item =>
        {
            Assert.Equal("received", item.GetProperty("status").GetString());
            Assert.Single(item.GetProperty("history").EnumerateArray());
            Assert.False(item.TryGetProperty("email", out _));
            Assert.True(item.GetProperty("updatedUtc").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
        });
        Assert.True(all.GetProperty("next").ValueKind == JsonValueKind.Null);
        Assert.Equal(codes[..2], Codes(first));
        Assert.Contains("status=received", next);
        Assert.Equal(codes[2..], Codes(second));
        Assert.Empty(Codes(answered));
        Assert.Empty(Codes(future));
        Assert.Equal(codes, Codes(past));
        Assert.Equal([otherCode!], Codes(theirs));
        Assert.Equal(HttpStatusCode.Created, provinceCreated.StatusCode);
        Assert.Single(Codes(provinces));
        Assert.Contains(await QuestionApi.CasesAsync(Factory, site), q => q.ApiClientId == $"app-hd-ds-tinh@{Factory.Service<TenantCatalog>().Default!.Id}");

        foreach (var query in new[] { "status=da-tra-loi", "since=hôm-qua", "since=1900-01-01", "limit=0", "limit=101", "limit=x", "cursor=abc", "cursor=1-x" })
        {
            var bad = await mine.GetAsync("/xa-hd-ds/api/questions?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_openapi_document_shows_the_questions_endpoints()
    {
        var root = await QuestionApi.JsonAsync(await Factory.CreateClient().GetAsync("/openapi/v1.json"));
        var paths = root.GetProperty("paths");

        var post = paths.GetProperty("/api/questions").GetProperty("post");
        var schema = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("429", out _));
        var list = paths.GetProperty("/api/questions").GetProperty("get");
        Assert.Equal(["questions.submit"], Assert.Single(list.GetProperty("security").EnumerateArray()).GetProperty("oauth2").EnumerateArray().Select(s => s.GetString()));
        Assert.True(paths.GetProperty("/api/questions/{trackingCode}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.TryGetProperty("/api/questions/challenge", out _));
        var properties = schema.TryGetProperty("$ref", out var reference)
            ? root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]).GetProperty("properties")
            : schema.GetProperty("properties");
        Assert.True(properties.TryGetProperty("senderName", out _));
        Assert.True(properties.TryGetProperty("challenge", out _));
    }
}

public sealed class QuestionsApiTestsSqlite(SqliteFixture fixture) : QuestionsApiTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class QuestionsApiTestsPostgres(PostgresFixture fixture) : QuestionsApiTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
