using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Portal.Tests.Infrastructure;

/// <summary>A browser-like client: keeps cookies, reads antiforgery tokens from forms, signs in.</summary>
public sealed partial class AdminClient
{
    private AdminClient(HttpClient http, CookieContainer cookies)
    {
        Http = http;
        Cookies = cookies;
    }

    public HttpClient Http { get; }

    /// <summary>The cookies this client holds (to hand a sign-in to another node).</summary>
    public CookieContainer Cookies { get; }

    public static AdminClient Create(PortalFactory factory, string host = "localhost")
    {
        var cookies = new CookieContainer();
        var handler = new CookieContainerHandler(cookies);
        var http = factory.CreateDefaultClient(new Uri($"http://{host}"), handler);
        return new AdminClient(http, cookies);
    }

    public static async Task<AdminClient> SignedInAsync(PortalFactory factory, string userName = "admin", string password = PortalFactory.AdminPassword, string prefix = "")
    {
        var client = Create(factory);
        var response = await client.SignInAsync(userName, password, prefix);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password, string prefix = "")
    {
        var token = await TokenAsync($"{prefix}/admin/login");
        return await Http.PostAsync($"{prefix}/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>GETs a page with a form and returns its antiforgery token.</summary>
    public async Task<string> TokenAsync(string formUrl)
    {
        var html = await Http.GetStringAsync(formUrl);
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {formUrl}.");
    }

    /// <summary>Posts a form the way a browser would: with the token of the form page it came from.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formUrl, string postUrl, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(tokenFrom ?? formUrl);
        return await Http.PostAsync(postUrl, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
