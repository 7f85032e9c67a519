using System.Net;
using System.Text.Json;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Modules.Api.ApiHost;

namespace Portal.Tests.Modules.Api;

/// <summary>
/// <c>/connect/token</c> and the token scheme on a real database: issued and accepted, every refusal
/// of issue #11's bad-input list, the site rule across the tenant tree, two nodes on one database.
/// </summary>
public abstract class ApiTokenTests<TFixture>(TFixture fixture)
    where TFixture : ApiFixture
{
    private const string Secret = "mot-khoa-bi-mat-du-dai-2026";

    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_token_is_issued_with_the_asked_scopes_and_accepted_where_they_are_needed()
    {
        await AddClientAsync(Factory, "default", "tich-hop-tinh", Secret, "content.read", "tenants");
        var http = Factory.CreateClient();

        var response = await RequestTokenAsync(http, "", "tich-hop-tinh", Secret, "content.read tenants");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var token = json.GetProperty("access_token").GetString()!;
        var probe = await GetWithTokenAsync(http, "/api/test-probe", token);
        var caller = JsonDocument.Parse(await probe.Content.ReadAsStringAsync()).RootElement;
        var tenants = await GetWithTokenAsync(http, "/api/tenants", token);
        var readOnly = await TokenAsync(http, "", "tich-hop-tinh", Secret, "content.read");
        var tenantsWithoutScope = await GetWithTokenAsync(http, "/api/tenants", readOnly);
        var anonymous = await http.GetAsync("/api/test-probe");
        var anonymousTenants = await http.GetAsync("/api/tenants");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.InRange(json.GetProperty("expires_in").GetInt32(), 3500, 3600);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal("tich-hop-tinh", caller.GetProperty("clientId").GetString());
        Assert.Equal("default", caller.GetProperty("tokenSite").GetString());
        Assert.Equal(HttpStatusCode.OK, tenants.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tenantsWithoutScope.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousTenants.StatusCode);
    }

    [Theory]
    [InlineData("tu-choi", Secret + "-sai", "content.read", "client_credentials", 401, "invalid_client")]
    [InlineData("khong-ton-tai", Secret, "content.read", "client_credentials", 401, "invalid_client")]
    [InlineData("tu-choi", Secret, "content.read", "password", 400, "unsupported_grant_type")]
    [InlineData("tu-choi", Secret, "content.read", "authorization_code", 400, "unsupported_grant_type")]
    [InlineData("tu-choi", Secret, "content.read", "", 400, "invalid_request")]
    [InlineData("tu-choi", Secret, "search", "client_credentials", 400, "invalid_scope")]
    [InlineData("tu-choi", Secret, "content.read search", "client_credentials", 400, "invalid_scope")]
    [InlineData("tu-choi", Secret, "content.delete", "client_credentials", 400, "invalid_scope")]
    [InlineData("tu-choi", Secret, "", "client_credentials", 400, "invalid_scope")]
    [InlineData("tu-choi", Secret, null, "client_credentials", 400, "invalid_scope")]
    public async Task Bad_token_requests_are_refused_with_the_oauth_error(string clientId, string secret, string? scope, string grant, int status, string error)
    {
        await EnsureClientAsync("default", "tu-choi", "content.read");

        var response = await RequestTokenAsync(Factory.CreateClient(), "", clientId, secret, scope, grant);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(error, await ErrorOf(response));
    }

    [Theory]
    [InlineData("grant_type=client_credentials&client_id=a%00b&client_secret=y&scope=content.read")] // a NUL, which the form reader refuses
    [InlineData("grant_type=client_credentials&client_id=x&client_secret=y&scope=%ED%A0%80&returnUrl=a%00b")]
    public async Task A_token_request_that_is_not_form_data_is_an_invalid_request_not_a_500(string body)
    {
        var response = await Factory.CreateClient().PostAsync("/connect/token", new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_client_of_one_site_cannot_get_a_token_from_another()
    {
        await Factory.ProvisionAsync("xa-cap-ma");
        await Factory.ProvisionAsync("xa-cap-ma-khac");
        await AddClientAsync(Factory, "xa-cap-ma", "ung-dung-xa", Secret, "content.read");
        await AddClientAsync(Factory, "xa-cap-ma-khac", "ung-dung-xa", Secret + "-khac", "content.read");
        var http = Factory.CreateClient();

        var own = await RequestTokenAsync(http, "/xa-cap-ma", "ung-dung-xa", Secret, "content.read");
        var elsewhere = await RequestTokenAsync(http, "/xa-cap-ma-khac", "ung-dung-xa", Secret, "content.read");
        var province = await RequestTokenAsync(http, "", "ung-dung-xa", Secret, "content.read");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        Assert.Equal("invalid_client", await ErrorOf(elsewhere));
        Assert.Equal(HttpStatusCode.Unauthorized, province.StatusCode);
    }

    [Fact]
    public async Task A_province_token_works_below_it_and_a_commune_token_only_on_its_commune()
    {
        await Factory.ProvisionAsync("huyen-cay", level: "District");
        await Factory.ProvisionAsync("xa-la", parent: "huyen-cay");
        await Factory.ProvisionAsync("xa-hoa", parent: "huyen-cay");
        await AddClientAsync(Factory, "default", "tong-hop-tinh", Secret, "content.read");
        await AddClientAsync(Factory, "xa-la", "ung-dung-xa-la", Secret, "content.read");
        var http = Factory.CreateClient();
        var provinceToken = await TokenAsync(http, "", "tong-hop-tinh", Secret, "content.read");
        var communeToken = await TokenAsync(http, "/xa-la", "ung-dung-xa-la", Secret, "content.read");

        var provinceOnCommune = await GetWithTokenAsync(http, "/xa-la/api/test-probe", provinceToken);
        var provinceOnDistrict = await GetWithTokenAsync(http, "/huyen-cay/api/test-probe", provinceToken);
        var communeOnItself = await GetWithTokenAsync(http, "/xa-la/api/test-probe", communeToken);
        var communeOnProvince = await GetWithTokenAsync(http, "/api/test-probe", communeToken);
        var communeOnDistrict = await GetWithTokenAsync(http, "/huyen-cay/api/test-probe", communeToken);
        var communeOnSibling = await GetWithTokenAsync(http, "/xa-hoa/api/test-probe", communeToken);

        Assert.Equal(HttpStatusCode.OK, provinceOnCommune.StatusCode);
        Assert.Contains("\"site\":\"xa-la\"", await provinceOnCommune.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, provinceOnDistrict.StatusCode);
        Assert.Equal(HttpStatusCode.OK, communeOnItself.StatusCode);
        foreach (var refused in new[] { communeOnProvince, communeOnDistrict, communeOnSibling })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Forged_tampered_expired_and_revoked_tokens_are_401()
    {
        await AddClientAsync(Factory, "default", "het-han", Secret, "content.read", "search");
        var http = Factory.CreateClient();
        var token = await TokenAsync(http, "", "het-han", Secret, "content.read search");
        var tampered = token[..^6] + (token[^6] == 'A' ? "B" : "A") + token[^5..];
        const string forged = "eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJ4IiwiY2xpZW50X2lkIjoieCIsInBvcnRhbF9zaXRlIjoiZGVmYXVsdCIsIm9pX3NjcCI6ImNvbnRlbnQucmVhZCJ9.";

        var valid = await GetWithTokenAsync(http, "/api/test-probe", token);
        var tamperedResponse = await GetWithTokenAsync(http, "/api/test-probe", tampered);
        var forgedResponse = await GetWithTokenAsync(http, "/api/test-probe", forged);
        var garbage = await GetWithTokenAsync(http, "/api/test-probe", "not-a-token");
        HttpResponseMessage expired;
        fixture.Clock.Offset = TimeSpan.FromMinutes(61);
        try
        {
            expired = await GetWithTokenAsync(http, "/api/test-probe", token);
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }

        // Taking a scope away or revoking the client ends its tokens at once.
        var stillValid = await GetWithTokenAsync(http, "/api/test-probe", token);
        await InSiteAsync(Factory, "default", async clients => { await clients.SetScopesAsync("het-han", ["content.read"]); return 0; });
        var scopeTaken = await GetWithTokenAsync(http, "/api/test-probe", token);
        var fresh = await TokenAsync(http, "", "het-han", Secret, "content.read");
        var freshWorks = await GetWithTokenAsync(http, "/api/test-probe", fresh);
        await InSiteAsync(Factory, "default", clients => clients.RemoveAsync("het-han"));
        var revoked = await GetWithTokenAsync(http, "/api/test-probe", fresh);

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, freshWorks.StatusCode);
        foreach (var refused in new[] { tamperedResponse, forgedResponse, garbage, expired, scopeTaken, revoked })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_last_call_is_recorded_at_most_once_a_minute()
    {
        await AddClientAsync(Factory, "default", "goi-gan-nhat", Secret, "content.read");
        var http = Factory.CreateClient();
        var token = await TokenAsync(http, "", "goi-gan-nhat", Secret, "content.read");
        var before = await InSiteAsync(Factory, "default", clients => clients.FindAsync("goi-gan-nhat"));

        await GetWithTokenAsync(http, "/api/test-probe", token);
        var first = (await InSiteAsync(Factory, "default", clients => clients.FindAsync("goi-gan-nhat")))!.LastCalledUtc;
        fixture.Clock.Offset = TimeSpan.FromSeconds(30);
        await GetWithTokenAsync(http, "/api/test-probe", token);
        var throttled = (await InSiteAsync(Factory, "default", clients => clients.FindAsync("goi-gan-nhat")))!.LastCalledUtc;
        fixture.Clock.Offset = TimeSpan.FromMinutes(2);
        await GetWithTokenAsync(http, "/api/test-probe", token);
        var later = (await InSiteAsync(Factory, "default", clients => clients.FindAsync("goi-gan-nhat")))!.LastCalledUtc;
        fixture.Clock.Offset = TimeSpan.Zero;

        Assert.Null(before!.LastCalledUtc);
        Assert.NotNull(first);
        Assert.Equal(first, throttled);
        Assert.True(later > first);
    }

    [Fact]
    public async Task A_token_from_one_node_validates_on_another_node_of_the_same_database()
    {
        await AddClientAsync(Factory, "default", "hai-may", Secret, "content.read");
        var token = await TokenAsync(Factory.CreateClient(), "", "hai-may", Secret, "content.read");

        await using var second = new PortalFactory(Factory.Database, services => ApiHost.AddTestServices(services, new ShiftableClock()));
        var response = await GetWithTokenAsync(second.CreateClient(), "/api/test-probe", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task EnsureClientAsync(string site, string clientId, params string[] scopes)
    {
        if (await InSiteAsync(Factory, site, clients => clients.FindAsync(clientId)) is null)
        {
            await AddClientAsync(Factory, site, clientId, Secret, scopes);
        }
    }
}

public sealed class ApiTokenTestsSqlite(ApiSqliteFixture fixture) : ApiTokenTests<ApiSqliteFixture>(fixture), IClassFixture<ApiSqliteFixture>;

public sealed class ApiTokenTestsPostgres(ApiPostgresFixture fixture) : ApiTokenTests<ApiPostgresFixture>(fixture), IClassFixture<ApiPostgresFixture>;
