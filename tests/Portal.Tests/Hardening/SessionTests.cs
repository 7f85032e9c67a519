using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;
using Portal.Users.Models;

namespace Portal.Tests.Hardening;

/// <summary>
/// Defects 3 and 6 of issue #10: a copied sign-in cookie stops working when its session ends
/// (sign-out, password change, role change, lock, "sign out everywhere"), and the sign-in page
/// answers a locked login and an unknown one alike.
/// </summary>
public sealed class SessionTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Factory => fixture.Factory;

    private Tenant Province => Factory.Service<TenantCatalog>().Default!;

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_the_admin()
    {
        var client = await AdminClient.SignedInAsync(Factory);
        var copy = CopyOf(client);
        Assert.Equal(HttpStatusCode.OK, (await copy.Http.GetAsync("/admin")).StatusCode);

        var logout = await client.PostFormAsync("/admin", "/admin/logout", []);
        var after = await copy.Http.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/admin/login", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Signing_out_one_browser_keeps_the_other_signed_in()
    {
        var first = await AdminClient.SignedInAsync(Factory);
        var second = await AdminClient.SignedInAsync(Factory);

        await first.PostFormAsync("/admin", "/admin/logout", []);

        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_ends_the_users_existing_cookies()
    {
        await Factory.CreateSiteAdministratorAsync(Province, "doi-mat-khau", "Passw0rd-D!");
        var client = await AdminClient.SignedInAsync(Factory, "doi-mat-khau", "Passw0rd-D!");

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByNameAsync("doi-mat-khau"))!;
            var changed = await users.ChangePasswordAsync(user, "Passw0rd-D!", "Passw0rd-M0i!");
            Assert.True(changed.Succeeded);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_ends_the_users_existing_cookies()
    {
        await Factory.CreateSiteAdministratorAsync(Province, "doi-vai-tro", "Passw0rd-V!");
        var client = await AdminClient.SignedInAsync(Factory, "doi-vai-tro", "Passw0rd-V!");

        await Factory.GrantAsync(Province, "doi-vai-tro", "Editor");

        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/admin")).StatusCode);
        var again = await AdminClient.SignedInAsync(Factory, "doi-vai-tro", "Passw0rd-V!");
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_admin_lists_a_users_sessions_signs_them_out_everywhere_and_locks_them()
    {
        await Factory.CreateSiteAdministratorAsync(Province, "bi-dang-xuat", "Passw0rd-X!");
        var userId = await UserIdAsync("bi-dang-xuat");
        var victim = await AdminClient.SignedInAsync(Factory, "bi-dang-xuat", "Passw0rd-X!");
        var admin = await AdminClient.SignedInAsync(Factory);

        var sessions = await admin.Http.GetStringAsync($"/admin/users/{userId}/sessions");
        Assert.Contains("Đăng xuất khỏi mọi nơi", sessions);
        Assert.DoesNotContain("Không có phiên đăng nhập nào", sessions);

        var ended = await admin.PostFormAsync($"/admin/users/{userId}/sessions", $"/admin/users/{userId}/sessions/end", []);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await victim.Http.GetAsync("/admin")).StatusCode);
        Assert.Contains("Không có phiên đăng nhập nào", await admin.Http.GetStringAsync($"/admin/users/{userId}/sessions"));

        var again = await AdminClient.SignedInAsync(Factory, "bi-dang-xuat", "Passw0rd-X!");
        var locked = await admin.PostFormAsync($"/admin/users/{userId}/sessions", $"/admin/users/{userId}/lock", []);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.Http.GetAsync("/admin")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await AdminClient.Create(Factory).SignInAsync("bi-dang-xuat", "Passw0rd-X!")).StatusCode);
    }

    [Fact]
    public async Task A_commune_cannot_lock_a_login_that_holds_roles_elsewhere()
    {
        var commune = await Factory.ProvisionAsync("xa-khoa-ho");
        await Factory.CreateSiteAdministratorAsync(commune, "qt-xa-khoa", "Passw0rd-C!");
        await Factory.CreateSiteAdministratorAsync(Province, "qt-tinh-khoa", "Passw0rd-P!");
        await Factory.GrantAsync(commune, "qt-tinh-khoa", "Editor");
        var provinceAdminId = await UserIdAsync("qt-tinh-khoa");
        var communeAdmin = await AdminClient.SignedInAsync(Factory, "qt-xa-khoa", "Passw0rd-C!", "/xa-khoa-ho");

        var page = await communeAdmin.Http.GetAsync($"/xa-khoa-ho/admin/users/{provinceAdminId}/sessions");
        var lockAttempt = await communeAdmin.PostFormAsync("/xa-khoa-ho/admin/users", $"/xa-khoa-ho/admin/users/{provinceAdminId}/lock", []);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, lockAttempt.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminClient.Create(Factory).SignInAsync("qt-tinh-khoa", "Passw0rd-P!")).StatusCode);
    }

    [Fact]
    public async Task After_five_wrong_passwords_an_existing_and_an_unknown_login_get_the_same_answer()
    {
        await Factory.CreateSiteAdministratorAsync(Province, "co-that", "Passw0rd-T!");
        var client = AdminClient.Create(Factory);
        string? existing = null, unknown = null;
        for (var i = 0; i < 6; i++)
        {
            existing = Message(await (await client.SignInAsync("co-that", "sai-mat-khau")).Content.ReadAsStringAsync());
            unknown = Message(await (await client.SignInAsync("khong-ton-tai", "sai-mat-khau")).Content.ReadAsStringAsync());
        }

        Assert.Equal(unknown, existing);
        Assert.NotEqual(HttpStatusCode.Redirect, (await client.SignInAsync("co-that", "Passw0rd-T!")).StatusCode);
    }

    private static string Message(string html)
    {
        var start = html.IndexOf("validation-summary", StringComparison.Ordinal);
        Assert.True(start >= 0, "No validation summary on the sign-in page.");
        var end = html.IndexOf("</div>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName))!.Id;
    }

    private AdminClient CopyOf(AdminClient client)
    {
        var copy = AdminClient.Create(Factory);
        copy.Cookies.Add(client.Cookies.GetAllCookies());
        return copy;
    }
}
