using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Modules.Api.ApiHost;

namespace Portal.Tests.Modules.Api;

/// <summary><c>/admin/api-clients</c> with a real administrator's session: create (secret shown once), rotate, change scopes, revoke.</summary>
public sealed partial class ApiClientsAdminTests(ApiSqliteFixture fixture) : IClassFixture<ApiSqliteFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task Create_rotate_change_scopes_and_revoke_a_client()
    {
        await Factory.ProvisionAsync("xa-quan-tri-api");
        var admin = await AdminClient.SignedInAsync(Factory);
        const string list = "/xa-quan-tri-api/admin/api-clients";
        const string create = list + "/create";
        var http = Factory.CreateClient();

        var menu = await admin.Http.GetStringAsync("/xa-quan-tri-api/admin");
        var invalid = await admin.PostFormAsync(create, create, new() { ["ClientId"] = "x y", ["Scopes"] = "content.read" });
        var noScope = await admin.PostFormAsync(create, create, new() { ["ClientId"] = "cong-dvc-xa" });
        var created = await admin.PostFormAsync(create, create, new() { ["ClientId"] = "cong-dvc-xa", ["DisplayName"] = "Cổng DVC", ["Scopes"] = "content.read" });
        var createdPage = await created.Content.ReadAsStringAsync();
        var secret = SecretOf(createdPage);
        var duplicate = await admin.PostFormAsync(create, create, new() { ["ClientId"] = "cong-dvc-xa", ["Scopes"] = "content.read" });
        var token = await TokenAsync(http, "/xa-quan-tri-api", "cong-dvc-xa", secret, "content.read");
        await GetWithTokenAsync(http, "/xa-quan-tri-api/api/test-probe", token);
        var listed = await admin.Http.GetStringAsync(list);
        var withoutToken = await admin.Http.PostAsync(create, new FormUrlEncodedContent(new Dictionary<string, string> { ["ClientId"] = "khong-token", ["Scopes"] = "content.read" }));

        const string edit = list + "/cong-dvc-xa";
        var rotated = await admin.PostFormAsync(edit, edit + "/rotate", []);
        var newSecret = SecretOf(await rotated.Content.ReadAsStringAsync());
        var oldSecret = await RequestTokenAsync(http, "/xa-quan-tri-api", "cong-dvc-xa", secret, "content.read");
        var newToken = await TokenAsync(http, "/xa-quan-tri-api", "cong-dvc-xa", newSecret, "content.read");

        var scopes = await admin.PostFormAsync(edit, edit + "/scopes", new() { ["Scopes"] = "search" });
        var lostScope = await RequestTokenAsync(http, "/xa-quan-tri-api", "cong-dvc-xa", newSecret, "content.read");
        var emptyScopes = await admin.PostFormAsync(edit, edit + "/scopes", []);
        var editPage = await admin.Http.GetStringAsync(edit);

        var revoke = await admin.PostFormAsync(edit, edit + "/revoke", []);
        var afterRevoke = await RequestTokenAsync(http, "/xa-quan-tri-api", "cong-dvc-xa", newSecret, "search");
        var gone = await admin.Http.GetAsync(edit);
        var anonymous = await Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(list);

        Assert.Contains("Ứng dụng kết nối API", menu);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Mã ứng dụng gồm 3–64 ký tự", await invalid.Content.ReadAsStringAsync());
        Assert.Contains("Chọn ít nhất một quyền", await noScope.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        Assert.Contains("chỉ hiện <strong>một lần</strong>", createdPage);
        Assert.Contains("/xa-quan-tri-api/connect/token", createdPage);
        Assert.Contains("Đã có ứng dụng với mã này", await duplicate.Content.ReadAsStringAsync());
        Assert.Contains("cong-dvc-xa", listed);
        Assert.DoesNotContain(secret, listed);
        Assert.DoesNotContain("Chưa gọi", listed);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        Assert.NotEqual(secret, newSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSecret.StatusCode);
        Assert.NotEmpty(newToken);

        Assert.Equal(HttpStatusCode.Redirect, scopes.StatusCode);
        Assert.Equal("invalid_scope", await ErrorOf(lostScope));
        Assert.Contains("Chọn ít nhất một quyền", await emptyScopes.Content.ReadAsStringAsync());
        Assert.Matches("id=\"scope-search\"[^>]*checked", editPage);
        Assert.DoesNotMatch("id=\"scope-content.read\"[^>]*checked", editPage);

        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal("invalid_client", await ErrorOf(afterRevoke));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    private static string SecretOf(string page) =>
        SecretPattern().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No secret on the page.");

    [GeneratedRegex("<code id=\"client-secret\">([A-Za-z0-9_-]+)</code>")]
    private static partial Regex SecretPattern();
}
