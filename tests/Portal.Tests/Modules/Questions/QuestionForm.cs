using System.Net;
using System.Text.RegularExpressions;
using Portal.Core.Forms.Challenge;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Questions;

/// <summary>Sends the public question form as a browser does: the page's antiforgery token and its anti-bot ticket, solved.</summary>
internal static partial class QuestionForm
{
    public static Dictionary<string, string> Fields(string title, string email = "nguoi.hoi@example.vn", bool consent = true) => new()
    {
        ["SenderName"] = "Trần Thị Hỏi",
        ["Email"] = email,
        ["Phone"] = "0912 345 678",
        ["Address"] = "Thôn 3, xã Hồng Hà",
        ["Title"] = title,
        ["Content"] = "Gia đình tôi muốn xây nhà ở riêng lẻ trên đất ở đã có sổ đỏ. Xin hỏi có cần giấy phép xây dựng không?",
        ["Field"] = "xay-dung",
        ["ConsentToPublish"] = consent ? "true" : "false",
    };

    /// <summary>Posts the form at <paramref name="prefix"/>; returns the response (a redirect to the "sent" page when accepted).</summary>
    public static async Task<HttpResponseMessage> PostAsync(AdminClient client, string prefix, Dictionary<string, string> fields, bool solve = true)
    {
        var page = await client.Http.GetStringAsync($"{prefix}/hoi-dap/gui-cau-hoi");
        fields["__RequestVerificationToken"] = Value(page, "__RequestVerificationToken");
        var salt = Value(page, FormChallenge.SaltField);
        var bits = int.Parse(Value(page, FormChallenge.BitsField), System.Globalization.CultureInfo.InvariantCulture);
        fields[FormChallenge.TokenField] = Value(page, FormChallenge.TokenField);
        fields[FormChallenge.SaltField] = salt;
        fields[FormChallenge.BitsField] = bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields[FormChallenge.NonceField] = solve ? FormChallengeSolver.Solve(salt, bits) : "";
        return await client.Http.PostAsync($"{prefix}/hoi-dap/gui-cau-hoi", new FormUrlEncodedContent(fields));
    }

    /// <summary>Submits and returns the tracking code shown on the "sent" page.</summary>
    public static async Task<string> SubmitAsync(AdminClient client, string prefix, Dictionary<string, string> fields)
    {
        var response = await PostAsync(client, prefix, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = await client.Http.GetStringAsync(response.Headers.Location!.ToString());
        return CodePattern().Match(sent).Groups[1].Value;
    }

    private static string Value(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*?value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No {name} on the form.");
    }

    [GeneratedRegex("id=\"tracking-code\">([^<]+)<")]
    private static partial Regex CodePattern();
}
