using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Tenants;

/// <summary>The Tenants admin and /api/tenants, as a province and a department administrator use them.</summary>
public sealed class TenantsAdminTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_province_administrator_creates_a_commune_from_the_form_in_one_step()
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        var created = await admin.PostFormAsync("/admin/tenants/create", "/admin/tenants/create", new()
        {
            ["DisplayName"] = "Xã Tân Lập",
            ["Name"] = "xa-tan-lap",
            ["Level"] = "Commune",
            ["Parent"] = "default",
            ["Recipe"] = "commune",
        });
        var list = await admin.Http.GetStringAsync("/admin/tenants?q=tan-lap");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Xã Tân Lập", list);
        Assert.Contains("Xã Tân Lập", await Factory.CreateClient().GetStringAsync("/xa-tan-lap/"));
    }

    [Fact]
    public async Task The_create_form_keeps_the_input_and_shows_each_problem_beside_its_field()
    {
        await Factory.ProvisionAsync("xa-da-co");
        var admin = await AdminClient.SignedInAsync(Factory);

        var response = await admin.PostFormAsync("/admin/tenants/create", "/admin/tenants/create", new()
        {
            ["DisplayName"] = "",
            ["Name"] = "xa-da-co",
            ["Level"] = "Commune",
            ["Parent"] = "huyen-khong-co",
            ["Recipe"] = "commune",
            ["Hosts"] = "http://sai",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The display name is required", html);
        Assert.Contains("A tenant named &#x27;xa-da-co&#x27; already exists.", html.Replace("'", "&#x27;", StringComparison.Ordinal));
        Assert.Contains("does not exist", html);
        Assert.Contains("is not valid", html);
        Assert.Contains("value=\"xa-da-co\"", html);
    }

    [Fact]
    public async Task Disable_and_remove_ask_for_confirmation_and_remove_only_disabled_sites()
    {
        await Factory.ProvisionAsync("xa-tam-ngung");
        var admin = await AdminClient.SignedInAsync(Factory);

        var confirm = await admin.Http.GetStringAsync("/admin/tenants/xa-tam-ngung/disable");
        var removeWhileRunning = await admin.PostFormAsync("/admin/tenants", "/admin/tenants/xa-tam-ngung/remove", []);
        Assert.NotNull(Factory.Service<TenantCatalog>().FindByName("xa-tam-ngung"));
        await admin.PostFormAsync("/admin/tenants", "/admin/tenants/xa-tam-ngung/disable", []);
        var disabled = Factory.Service<TenantCatalog>().FindByName("xa-tam-ngung")!.State;
        await admin.PostFormAsync("/admin/tenants", "/admin/tenants/xa-tam-ngung/remove", []);

        Assert.Contains("dữ liệu được giữ nguyên", confirm);
        Assert.Equal(HttpStatusCode.Redirect, removeWhileRunning.StatusCode);
        Assert.Equal(TenantState.Disabled, disabled);
        Assert.Null(Factory.Service<TenantCatalog>().FindByName("xa-tam-ngung"));
    }

    [Fact]
    public async Task A_department_administrator_manages_its_own_site_only()
    {
        var department = await Factory.ProvisionAsync("so-tu-phap", level: "Department");
        await Factory.ProvisionAsync("xa-ben-canh");
        await Factory.CreateSiteAdministratorAsync(department, "qt-tu-phap", "Passw0rd-T!");
        var admin = await AdminClient.SignedInAsync(Factory, "qt-tu-phap", "Passw0rd-T!", "/so-tu-phap");
        var provinceList = await admin.Http.GetAsync("/admin/tenants");
        var disableNeighbour = await admin.Http.GetAsync("/admin/tenants/xa-ben-canh/disable");
        var ownSiteTenants = await admin.Http.GetAsync("/so-tu-phap/admin/tenants/xa-ben-canh/disable");

        Assert.Equal(HttpStatusCode.Redirect, provinceList.StatusCode);
        Assert.Contains("/admin/denied", provinceList.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, disableNeighbour.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ownSiteTenants.StatusCode);
        Assert.Equal(TenantState.Running, Factory.Service<TenantCatalog>().FindByName("xa-ben-canh")!.State);
    }

    [Fact]
    public async Task The_api_provisions_a_site_and_answers_bad_input_with_problem_details()
    {
        var admin = await AdminClient.SignedInAsync(Factory);
        var anonymous = AdminClient.Create(Factory).Http;

        var created = await admin.Http.PostAsJsonAsync("/api/tenants", new { name = "phuong-api", displayName = "Phường API", level = "Commune", parent = "default", recipe = "commune", hosts = new[] { "phuongapi.tinh.gov.vn" } });
        var duplicate = await admin.Http.PostAsJsonAsync("/api/tenants", new { name = "phuong-api", displayName = "Lặp", parent = "default" });
        var recipeFile = await admin.Http.PostAsJsonAsync("/api/tenants", new { name = "xa-tep", displayName = "Xã Tệp", parent = "default", recipe = "/etc/hostname.json" });
        var malformed = await admin.Http.PostAsync("/api/tenants", new StringContent("{ \"name\": ", System.Text.Encoding.UTF8, "application/json"));
        var unauthenticated = await anonymous.PostAsJsonAsync("/api/tenants", new { name = "xa-lau" });
        var list = await admin.Http.GetFromJsonAsync<JsonElement>("/api/tenants?q=phuong-api");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType!.MediaType);
        var problem = await duplicate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("already exists", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, recipeFile.StatusCode);
        Assert.Contains("is not the name of one of this installation's recipes", await recipeFile.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal("phuongapi.tinh.gov.vn", list.GetProperty("items")[0].GetProperty("hosts")[0].GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_not_the_pages()
    {
        var document = await Factory.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/tenants\"", document);
        Assert.DoesNotContain("/admin/pages", document);
        Assert.DoesNotContain("/trang/", document);
    }
}
