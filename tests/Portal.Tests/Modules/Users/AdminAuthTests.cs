using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Modules.Users;

/// <summary>Sign-in, lockout, authorization, antiforgery and form validation of the admin.</summary>
public sealed class AdminAuthTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Theory]
    [InlineData("/admin", "/admin/login")]
    [InlineData("/admin/pages", "/admin/login")]
    [InlineData("/admin/users", "/admin/login")]
    public async Task Admin_pages_send_anonymous_visitors_to_sign_in(string path, string login)
    {
        var response = await AdminClient.Create(Factory).Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(login, response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Sign_in_under_a_prefix_stays_under_the_prefix_and_serves_every_site_of_the_province()
    {
        var tenant = await Factory.ProvisionAsync("xa-sso");
        var client = AdminClient.Create(Factory);

        var redirect = await client.Http.GetAsync("/xa-sso/admin");
        var signIn = await client.SignInAsync("admin", PortalFactory.AdminPassword, "/xa-sso");
        var communeAdmin = await client.Http.GetAsync("/xa-sso/admin");
        var provinceAdmin = await client.Http.GetAsync("/admin");

        Assert.Equal("/xa-sso/admin/login", redirect.Headers.Location!.AbsolutePath);
        Assert.Equal("/xa-sso/admin", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, communeAdmin.StatusCode);
        Assert.Contains(tenant.DisplayName, await communeAdmin.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, provinceAdmin.StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_even_for_the_right_password_afterwards()
    {
        await Factory.CreateSiteAdministratorAsync(Factory.Service<Portal.Core.Tenancy.TenantCatalog>().Default!, "bi-khoa", "Passw0rd-K!");
        var client = AdminClient.Create(Factory);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SignInAsync("bi-khoa", "sai-mat-khau");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await client.SignInAsync("bi-khoa", "Passw0rd-K!");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("tạm bị khóa", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_and_keeps_the_user_name()
    {
        var response = await AdminClient.Create(Factory).SignInAsync("admin-khong-co", "x");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", html);
        Assert.Contains("value=\"admin-khong-co\"", html);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        var response = await admin.Http.PostAsync("/admin/pages/create", new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "Không có mã" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_page_form_keeps_the_input_and_shows_messages_beside_the_fields()
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        var response = await admin.PostFormAsync("/admin/pages/create", "/admin/pages/create", new()
        {
            ["Title"] = "",
            ["Slug"] = "Có Dấu!",
            ["Body"] = "<p>Giữ lại nội dung này</p>",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng nhập tiêu đề.", html);
        Assert.Contains("Giữ lại nội dung này", html);
        Assert.Contains("value=\"Có Dấu!\"", html);
    }

    [Fact]
    public async Task Script_in_a_page_body_is_removed_before_it_reaches_any_page()
    {
        var admin = await AdminClient.SignedInAsync(Factory);

        var saved = await admin.PostFormAsync("/admin/pages/create", "/admin/pages/create", new()
        {
            ["Title"] = "Trang có mã độc",
            ["Slug"] = "ma-doc",
            ["Body"] = "<p onclick=\"alert(1)\">An toàn</p><script>alert(2)</script><img src=x onerror=alert(3)><a href=\"javascript:alert(4)\">liên kết</a>",
            ["Published"] = "true",
        });
        var html = await Factory.CreateClient().GetStringAsync("/trang/ma-doc");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("An toàn", html);
        Assert.DoesNotContain("alert(", html);
        Assert.DoesNotContain("javascript:", html);
    }

    [Fact]
    public async Task Deleting_a_page_asks_for_confirmation_first()
    {
        var page = await Factory.AddPageAsync(Factory.Service<Portal.Core.Tenancy.TenantCatalog>().Default!, "xoa-toi", "Sẽ bị xóa");
        var admin = await AdminClient.SignedInAsync(Factory);

        var confirm = await admin.Http.GetStringAsync($"/admin/pages/{page.Id}/delete");
        var stillThere = await Factory.FindPageAsync(Factory.Service<Portal.Core.Tenancy.TenantCatalog>().Default!, page.Id);
        var deleted = await admin.PostFormAsync($"/admin/pages/{page.Id}/delete", $"/admin/pages/{page.Id}/delete", []);

        Assert.Contains("Thao tác này không thể hoàn tác", confirm);
        Assert.NotNull(stillThere);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync("/trang/xoa-toi")).StatusCode);
    }

    [Fact]
    public async Task An_editor_manages_pages_but_not_users()
    {
        var site = Factory.Service<Portal.Core.Tenancy.TenantCatalog>().Default!;
        var admin = await AdminClient.SignedInAsync(Factory);
        var added = await admin.PostFormAsync("/admin/users/add", "/admin/users/add", new()
        {
            ["UserName"] = "bien-tap-1",
            ["DisplayName"] = "Biên tập viên 1",
            ["Password"] = "Passw0rd-E!",
            ["Role"] = "Editor",
        });
        var editor = await AdminClient.SignedInAsync(Factory, "bien-tap-1", "Passw0rd-E!");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.EndsWith("/admin/contents?type=page", (await editor.Http.GetAsync("/admin/pages")).Headers.Location!.ToString()); // the desk's list is the shared one
        Assert.Equal(HttpStatusCode.OK, (await editor.Http.GetAsync("/admin/contents?type=page")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.Http.GetAsync("/admin/users")).StatusCode);
        Assert.Contains("bien-tap-1", await admin.Http.GetStringAsync("/admin/users?q=bien"));
        Assert.NotNull(site);
    }

    [Fact]
    public async Task A_user_manager_cannot_grant_more_than_they_hold_nor_remove_the_last_administrator()
    {
        var site = await Factory.ProvisionAsync("xa-phan-quyen");
        await Factory.CreateSiteAdministratorAsync(site, "qt-phan-quyen", "Passw0rd-Q!");
        await using (var scope = Factory.Service<Portal.Core.Tenancy.TenantScopeFactory>().CreateScope(site))
        {
            // A role that may manage users but is not Administrator.
            var db = scope.ServiceProvider.GetRequiredService<Portal.Core.Persistence.PortalDbContext>();
            db.Add(new Portal.Users.Models.TenantRole { Name = "UserManager", Description = "x", Permissions = ["AccessAdmin", "ManageUsers"] });
            await db.SaveChangesAsync();
        }

        var admin = await AdminClient.SignedInAsync(Factory, "qt-phan-quyen", "Passw0rd-Q!", "/xa-phan-quyen");
        await admin.PostFormAsync("/xa-phan-quyen/admin/users/add", "/xa-phan-quyen/admin/users/add", new() { ["UserName"] = "ql-nguoi-dung", ["Password"] = "Passw0rd-M!", ["Role"] = "UserManager" });
        var manager = await AdminClient.SignedInAsync(Factory, "ql-nguoi-dung", "Passw0rd-M!", "/xa-phan-quyen");

        var form = await manager.Http.GetStringAsync("/xa-phan-quyen/admin/users/add");
        var escalate = await manager.PostFormAsync("/xa-phan-quyen/admin/users/add", "/xa-phan-quyen/admin/users/add", new() { ["UserName"] = "ql-nguoi-dung", ["Role"] = "Administrator" });
        var province = await manager.Http.GetAsync("/admin/users");
        var adminId = (await Factory.Services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Users.Models.PortalUser>>().FindByNameAsync("qt-phan-quyen"))!.Id;
        var revokeLast = await admin.PostFormAsync("/xa-phan-quyen/admin/users", $"/xa-phan-quyen/admin/users/{adminId}/revoke?role=Administrator", []);
        var members = await admin.Http.GetStringAsync("/xa-phan-quyen/admin/users");

        Assert.DoesNotContain("<option value=\"Administrator\"", form);
        Assert.Equal(HttpStatusCode.OK, escalate.StatusCode);
        Assert.Contains("Bạn không thể cấp vai trò này", await escalate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, province.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, revokeLast.StatusCode);
        Assert.Contains("quản trị viên cuối cùng", members);
    }

    [Fact]
    public async Task Deeply_nested_or_oversized_rich_text_is_refused_with_a_message()
    {
        var admin = await AdminClient.SignedInAsync(Factory);
        var nested = string.Concat(Enumerable.Repeat("<div>", 5000)) + "x";

        var response = await admin.PostFormAsync("/admin/pages/create", "/admin/pages/create", new() { ["Title"] = "Lồng sâu", ["Body"] = nested });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nội dung không hợp lệ", await response.Content.ReadAsStringAsync());
    }
}
