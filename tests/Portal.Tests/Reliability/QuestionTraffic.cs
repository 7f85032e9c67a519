using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.Core.Forms.Challenge;

namespace Portal.Tests.Reliability;

/// <summary>One submitter's ways of sending a question to a running portal: the API (anonymous with a solved challenge, or a token) and the public form.</summary>
public static partial class QuestionTraffic
{
    public static string Body(int n, string? challenge = null) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["senderName"] = $"Người gửi {n}",
        ["email"] = $"nguoi-gui-{n}@example.vn",
        ["title"] = $"Câu hỏi thử tải số {n}",
        ["content"] = $"Nội dung câu hỏi thử tải số {n}: xin hỏi thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ.",
        ["field"] = "xay-dung",
        ["consentToPublish"] = true,
    }).TrimEnd('}') + (challenge is null ? "" : ", " + challenge) + "}";

    /// <summary>A solved challenge of the site, as the body's member.</summary>
    public static async Task<string> ChallengeAsync(HttpClient http, string baseUrl)
    {
        using var ticket = JsonDocument.Parse(await http.GetStringAsync(baseUrl + "/api/questions/challenge"));
        var root = ticket.RootElement;
        var nonce = FormChallengeSolver.Solve(root.GetProperty("salt").GetString()!, root.GetProperty("difficulty").GetInt32());
        return "\"challenge\": " + JsonSerializer.Serialize(new { token = root.GetProperty("token").GetString(), nonce });
    }

    public static async Task<HttpResponseMessage> PostApiAsync(HttpClient http, string baseUrl, string json, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/api/questions") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    /// <summary>The form as a browser sends it: the page (antiforgery cookie and token, the challenge's ticket), the work, the post.</summary>
    public static async Task<(HttpResponseMessage Response, string? Code)> PostFormAsync(HttpClient http, string baseUrl, int n)
    {
        var page = await http.GetStringAsync(baseUrl + "/hoi-dap/gui-cau-hoi");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            [FormChallenge.TokenField] = Hidden(page, FormChallenge.TokenField),
            [FormChallenge.NonceField] = FormChallengeSolver.Solve(Hidden(page, FormChallenge.SaltField), int.Parse(Hidden(page, FormChallenge.BitsField), CultureInfo.InvariantCulture)),
            [FormChallenge.HoneypotField] = "",
            ["SenderName"] = $"Người gửi biểu mẫu {n}",
            ["Email"] = $"bieu-mau-{n}@example.vn",
            ["Title"] = $"Câu hỏi qua biểu mẫu số {n}",
            ["Content"] = $"Nội dung câu hỏi gửi qua biểu mẫu số {n}, hỏi về thủ tục đất đai.",
            ["Field"] = "dat-dai",
            ["ConsentToPublish"] = "true",
        };
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        var response = await http.PostAsync(baseUrl + "/hoi-dap/gui-cau-hoi", form);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            return (response, null);
        }

        var sent = await http.GetStringAsync(baseUrl + "/hoi-dap/gui-cau-hoi/da-gui");
        var code = CodePattern().Match(sent);
        return (response, code.Success ? code.Groups[1].Value : null);
    }

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        if (!match.Success)
        {
            match = Regex.Match(html, $"value=\"([^\"]*)\"[^>]*name=\"{Regex.Escape(name)}\"");
        }

        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"The form has no field {name}.");
    }

    [GeneratedRegex("id=\"tracking-code\">([^<]+)<")]
    private static partial Regex CodePattern();
}
