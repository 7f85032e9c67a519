using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core;
using Portal.Core.Persistence;
using Portal.Core.Tenancy;
using Portal.Questions.Models;
using Portal.Questions.Services;
using Portal.Tests.Fuzz;
using Portal.Tests.Infrastructure;
using Portal.Tests.Modules.Questions;
using Xunit.Abstractions;

namespace Portal.Tests.Reliability;

/// <summary>A host whose error log is read, with limits out of the fuzzer's way.</summary>
public sealed class QuestionFuzzFixture() : PortalFixture(DatabaseProvider.Sqlite)
{
    public ErrorLogCollector Errors { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(Errors);
        services.PostConfigure<QuestionSettings>(s =>
        {
            s.SubmissionsPerAddressPerHour = 1_000_000;
            s.SubmissionsPerClientPerHour = 1_000_000;
            s.LookupsPerAddressPerMinute = 1_000_000;
        });
    }
}

/// <summary>
/// Issue #12, "Reliability checks": QUESTIONS_FUZZ_REQUESTS generated malformed submissions (1,000 in
/// the suite, 10,000 from tests/bench/questions.sh; QUESTIONS_FUZZ_SEED) against <c>POST /api/questions</c>
/// (token and anonymous) and the form: bad UTF-8, huge fields, wrong JSON types, markup and script,
/// SQL fragments, unknown fields, nulls, deep nesting, control characters, lone surrogates. None may
/// answer 5xx or log an error; what was stored is read back by code.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class QuestionInputFuzzTests(QuestionFuzzFixture fixture, ITestOutputHelper output) : IClassFixture<QuestionFuzzFixture>
{
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "javascript:alert(1)",
        "</textarea><script>alert(1)</script>", "'; DROP TABLE \"Questions\"; --", "' OR '1'='1", "1; SELECT pg_sleep(5)--",
        "{{7*7}}", "${7*7}", "@(1+1)", "%00", "../../etc/passwd", "𝓗𝓮𝓵𝓵𝓸 🇻🇳", "Nguyễn Văn A\u0301\u0301", "\u202Eevil", "\uFEFF",
    ];

    private static readonly string[] TextFields = ["senderName", "email", "phone", "address", "title", "content", "field"];

    [Fact]
    public async Task Malformed_submissions_never_answer_5xx_or_log_an_error()
    {
        var requests = ReliabilitySettings.Int("QUESTIONS_FUZZ_REQUESTS", 1_000);
        var seed = ReliabilitySettings.Int("QUESTIONS_FUZZ_SEED", 20261212);
        var factory = fixture.Factory;
        var site = await factory.ProvisionAsync("xa-fuzz-hd");
        var token = await QuestionApi.TokenClientAsync(factory, site.Name, "app-fuzz-hd");
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await anonymous.GetStringAsync("/xa-fuzz-hd/hoi-dap/gui-cau-hoi");
        var antiforgery = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(antiforgery);
        while (fixture.Errors.Errors.TryDequeue(out _))
        {
        }

        var random = new Random(seed);
        var statuses = new SortedDictionary<int, int>();
        var serverErrors = new List<string>();
        for (var i = 0; i < requests; i++)
        {
            var kind = random.Next(10);
            HttpResponseMessage response;
            string description;
            if (kind < 6)
            {
                var (body, what) = ApiBody(random);
                description = "api " + what;
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = random.Next(20) == 0 ? new MediaTypeHeaderValue("text/plain") : new MediaTypeHeaderValue("application/json");
                response = await (kind < 4 ? token : anonymous).PostAsync("/xa-fuzz-hd/api/questions", content);
            }
            else
            {
                var (form, what) = await FormAsync(random, anonymous, antiforgery);
                description = "form " + what;
                response = await anonymous.PostAsync("/xa-fuzz-hd/hoi-dap/gui-cau-hoi", form);
            }

            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                var text = await response.Content.ReadAsStringAsync();
                serverErrors.Add($"{status} {description}: {text[..Math.Min(200, text.Length)]}");
            }

            response.Dispose();
        }

        // What was stored reads back through the API and the lookup page.
        List<string> codes;
        await using (var scope = factory.Service<TenantScopeFactory>().CreateScope(site))
        {
            codes = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<QuestionCase>().Select(q => q.TrackingCode).ToListAsync();
        }

        foreach (var code in codes.Take(200))
        {
            foreach (var path in new[] { $"/xa-fuzz-hd/api/questions/{code}", $"/xa-fuzz-hd/hoi-dap/tra-cuu?ma={code}" })
            {
                using var back = await anonymous.GetAsync(path);
                if (back.StatusCode != HttpStatusCode.OK)
                {
                    serverErrors.Add($"{(int)back.StatusCode} reading back {path}");
                }
            }
        }

        var summary = $"questions fuzz: {requests} requests (seed {seed}), {codes.Count} stored and read back, 5xx {serverErrors.Count(e => e.StartsWith('5'))}, logged errors {fixture.Errors.Errors.Count}, statuses {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}";
        output.WriteLine(summary);
        ReliabilitySettings.Report([summary, .. serverErrors.Take(20), .. fixture.Errors.Errors.Take(20)]);
        Assert.True(serverErrors.Count == 0 && fixture.Errors.Errors.IsEmpty,
            summary + "\n" + string.Join("\n", serverErrors.Concat(fixture.Errors.Errors).Take(30)));
    }

    private static Dictionary<string, object?> Valid(Random random) => new()
    {
        ["senderName"] = "Trần Văn Bình",
        ["email"] = "binh@example.vn",
        ["phone"] = "0987 654 321",
        ["address"] = "Phường 1",
        ["title"] = "Hỏi về " + Payloads[random.Next(Payloads.Length)],
        ["content"] = "Nội dung đủ dài để qua kiểm tra: " + Payloads[random.Next(Payloads.Length)],
        ["field"] = "dat-dai",
        ["consentToPublish"] = random.Next(2) == 0,
    };

    private static (byte[] Body, string What) ApiBody(Random random)
    {
        var fields = Valid(random);
        var field = TextFields[random.Next(TextFields.Length)];
        switch (random.Next(13))
        {
            case 0:
                return (Splice(JsonSerializer.SerializeToUtf8Bytes(fields), random, [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80]]), "bad UTF-8");
            case 1:
                fields[field] = new string('ạ', random.Next(1, 4) * 50_000);
                return (JsonSerializer.SerializeToUtf8Bytes(fields), "huge " + field);
            case 2:
                fields[field] = random.Next(4) switch { 0 => 42, 1 => new[] { 1, 2 }, 2 => new { a = 1 }, _ => true };
                fields["consentToPublish"] = random.Next(2) == 0 ? "yes" : (object)1;
                return (JsonSerializer.SerializeToUtf8Bytes(fields), "wrong types");
            case 3:
                fields[field] = Payloads[random.Next(Payloads.Length)];
                return (JsonSerializer.SerializeToUtf8Bytes(fields), "payload in " + field);
            case 4:
                fields["x" + random.Next(1000)] = "?";
                fields["__proto__"] = new { isAdmin = true };
                return (JsonSerializer.SerializeToUtf8Bytes(fields), "unknown fields");
            case 5:
                foreach (var name in TextFields.Where(_ => random.Next(2) == 0))
                {
                    fields[name] = null;
                }

                return (random.Next(5) == 0 ? "null"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(fields), "nulls");
            case 6:
                var depth = random.Next(5, 20_000);
                var nested = string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "[" : "{\"a\":", depth));
                return (Encoding.UTF8.GetBytes(random.Next(2) == 0 ? nested : $"{{\"title\": {nested}"), "deep nesting");
            case 7:
                return (Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields).Replace("\"Trần Văn Bình\"", $"\"Trần\\u{random.Next(0, 32):x4}Bình\"")), "control character");
            case 8:
                return (Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields).Replace("\"Phường 1\"", random.Next(2) == 0 ? "\"\\ud800 phường\"" : "\"\\udfff\\ud800\"")), "lone surrogate");
            case 9:
                var text = JsonSerializer.Serialize(fields);
                return (Encoding.UTF8.GetBytes(text[..random.Next(text.Length)]), "truncated");
            case 10:
                var bytes = new byte[random.Next(0, 2000)];
                random.NextBytes(bytes);
                return (bytes, "random bytes");
            case 11:
                fields["challenge"] = random.Next(3) switch { 0 => "abc", 1 => new { token = new string('x', 5000), nonce = "1" }, _ => new { token = 1, nonce = (string?)null, extra = 2 } };
                return (JsonSerializer.SerializeToUtf8Bytes(fields), "bad challenge");
            default:
                return (Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields).Replace("{", "{\"title\": \"lặp\", ")), "duplicate field");
        }
    }

    private static byte[] Splice(byte[] json, Random random, byte[][] bad)
    {
        // In a value (after "T" of "Trần") or in a name (after the first quote).
        var at = random.Next(2) == 0 ? 2 : Array.IndexOf(json, (byte)'T') is var t and > 0 ? t : json.Length / 2;
        return [.. json[..at], .. bad[random.Next(bad.Length)], .. json[at..]];
    }

    private static async Task<HttpContent> FormAsyncContent(Random random, Dictionary<string, string> values)
    {
        await Task.CompletedTask;
        if (random.Next(3) == 0)
        {
            return new FormUrlEncodedContent(values);
        }

        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            multipart.Add(new StringContent(value, Encoding.UTF8), name);
        }

        return multipart;
    }

    private static async Task<(HttpContent Form, string What)> FormAsync(Random random, HttpClient http, string antiforgery)
    {
        var values = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = random.Next(15) == 0 ? "faux" : antiforgery,
            ["SenderName"] = "Lê Thị Hoa",
            ["Email"] = "hoa@example.vn",
            ["Title"] = "Hỏi " + Payloads[random.Next(Payloads.Length)],
            ["Content"] = "Nội dung đủ dài cho biểu mẫu: " + Payloads[random.Next(Payloads.Length)],
            ["Field"] = "xay-dung",
            ["ConsentToPublish"] = "true",
        };
        var name = new[] { "SenderName", "Email", "Phone", "Address", "Title", "Content", "Field", "ConsentToPublish", "ShowName" }[random.Next(9)];
        string what;
        switch (random.Next(8))
        {
            case 0:
                values[name] = new string('ơ', random.Next(1, 5) * 40_000);
                what = "huge " + name;
                break;
            case 1:
                values[name] = $"a{(char)random.Next(0, 32)}b";
                what = "control character in " + name;
                break;
            case 2:
                values[name] = random.Next(2) == 0 ? "\ud800" : "x\udfffy";
                what = "lone surrogate in " + name;
                break;
            case 3:
                values["ConsentToPublish"] = random.Next(2) == 0 ? "có lẽ" : "1e9";
                values["ShowName"] = "[]";
                what = "not a boolean";
                break;
            case 4:
                values["challengeToken"] = new string('z', random.Next(1, 3000));
                values["challengeNonce"] = "-1";
                values["website"] = random.Next(2) == 0 ? "http://spam.example" : "";
                what = "forged challenge or honeypot";
                break;
            case 5:
                // A ticket of the site's questions form, solved: the question is stored, markup and all.
                using (var ticket = JsonDocument.Parse(await http.GetStringAsync("/xa-fuzz-hd/api/questions/challenge")))
                {
                    values["challengeToken"] = ticket.RootElement.GetProperty("token").GetString()!;
                    values["challengeNonce"] = Portal.Core.Forms.Challenge.FormChallengeSolver.Solve(ticket.RootElement.GetProperty("salt").GetString()!, ticket.RootElement.GetProperty("difficulty").GetInt32());
                }

                values[name == "Field" ? "Title" : name] = Payloads[random.Next(Payloads.Length)];
                what = "solved challenge with a payload";
                break;
            case 6:
                var raw = new ByteArrayContent([.. Encoding.ASCII.GetBytes($"__RequestVerificationToken={Uri.EscapeDataString(antiforgery)}&Title="), 0xC3, 0x28, 0xFF, .. "&Content=x"u8.ToArray()]);
                raw.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
                return (raw, "bad UTF-8");
            default:
                values[name] = Payloads[random.Next(Payloads.Length)];
                what = "payload in " + name;
                break;
        }

        return (await FormAsyncContent(random, values), what);
    }
}
