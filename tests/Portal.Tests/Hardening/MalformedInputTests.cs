using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening;

/// <summary>
/// Defects 1, 2 and 8 of issue #10: input that cannot be a value, a host that cannot be a site,
/// a body too large, a body of the wrong type and a method a route does not take each answer 4xx
/// with a readable reason, never 500.
/// </summary>
public sealed class MalformedInputTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Theory]
    [InlineData("yes")]
    [InlineData("2")]
    [InlineData("[]")]
    public async Task A_malformed_checkbox_on_the_login_form_is_a_message_beside_the_field(string value)
    {
        var client = AdminClient.Create(Factory);

        var response = await client.PostFormAsync("/admin/login", "/admin/login", new()
        {
            ["UserName"] = "admin",
            ["Password"] = PortalFactory.AdminPassword,
            ["RememberMe"] = value,
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-valmsg-for=\"RememberMe\"", html);
        Assert.Contains("Giá trị không hợp lệ", html);
    }

    [Fact]
    public async Task A_checkbox_sent_twice_with_a_malformed_first_value_is_a_message_not_a_crash()
    {
        var client = AdminClient.Create(Factory);
        var token = await client.TokenAsync("/admin/login");

        var response = await client.Http.PostAsync("/admin/login", new FormUrlEncodedContent(
        [
            new("UserName", "admin"), new("Password", "x"), new("RememberMe", "on?"), new("RememberMe", "false"), new("__RequestVerificationToken", token),
        ]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Giá trị không hợp lệ", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/admin/pages/create", "Published", "Title")]
    [InlineData("/admin/news/create", "Featured", "Title")]
    public async Task A_malformed_checkbox_on_an_editor_form_is_a_message_beside_the_field(string form, string field, string titleField)
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        var response = await admin.PostFormAsync(form, form, new()
        {
            [titleField] = "Tiêu đề thử",
            [field] = "yes",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-valmsg-for=\"{field}\"", html);
        Assert.Contains("Giá trị không hợp lệ", html);
    }

    [Theory]
    [InlineData("xn--")]
    [InlineData("xn--a")]
    [InlineData("xn--zz.example")]
    [InlineData("xn--a:5000")]
    public async Task An_invalid_punycode_host_is_a_400(string host)
    {
        var context = await Factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/";
            c.Request.Headers.Host = host;
        });

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task An_invalid_punycode_forwarded_host_is_a_400_even_on_health()
    {
        var context = await Factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/health";
            c.Request.Headers["X-Forwarded-Host"] = "xn--a.gov.vn";
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
        });

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_upload_shows_the_size_message_beside_the_file_field()
    {
        var admin = await AdminClient.SignedInAsync(Factory);
        var token = await admin.TokenAsync("/admin/media/upload");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Ảnh lớn"), "AltText" },
            { new ByteArrayContent(new byte[50 * 1024 * 1024]), "File", "lon.png" },
        };

        var response = await admin.Http.PostAsync("/admin/media/upload", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("data-valmsg-for=\"File\"", html);
        Assert.Contains("quá lớn", html);
    }

    [Fact]
    public async Task The_tenants_api_answers_a_wrong_content_type_with_problem_details()
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        var response = await admin.Http.PostAsync("/api/tenants", new StringContent("name=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":415", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("BREW")]
    public async Task Health_answers_405_to_other_methods(string method)
    {
        var response = await Factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/health"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task Health_still_answers_get_and_head(string method)
    {
        var response = await Factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/error/0")]
    [InlineData("/error/500")]
    [InlineData("/error/2147483647")]
    public async Task The_error_page_visited_directly_is_a_404_not_a_500(string path)
    {
        var response = await Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/thu-tuc-hanh-chinh/%20")]
    [InlineData("/van-ban/%20%20")]
    [InlineData("/trang/%20")]
    [InlineData("/the/%20")]
    public async Task A_blank_route_value_is_a_404(string path)
    {
        var response = await Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/van-ban?type=%EF%BF%BE")]
    [InlineData("/van-ban?authority=%EF%B7%90")]
    [InlineData("/thu-tuc-hanh-chinh?q=%EF%BF%BF")]
    public async Task A_unicode_noncharacter_in_a_query_is_a_400(string path)
    {
        var response = await Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
