using Microsoft.Extensions.Configuration;
using Portal.Core;
using Portal.Tests.Infrastructure;
using Portal.Web.Cli;

namespace Portal.Tests.Cli;

/// <summary>The CLI verbs as an operator uses them: exit codes, one-line errors, a CSV with bad rows.</summary>
public sealed class CliTests : CliSession
{
    [Fact]
    public async Task Provision_list_disable_and_enable_a_commune()
    {
        var provision = await RunAsync("tenants", "provision", "--name", "xa-hong-ha", "--display-name", "Xã Hồng Hà", "--level", "Commune", "--parent", "default", "--recipe", "commune");
        var list = await RunAsync("tenants", "list", "--level", "Commune");
        var disable = await RunAsync("tenants", "disable", "xa-hong-ha");
        var listed = await RunAsync("tenants", "list");
        var enable = await RunAsync("tenants", "enable", "xa-hong-ha");

        Assert.Equal(0, provision.Exit);
        Assert.Contains("Provisioned 'xa-hong-ha'", provision.Out);
        Assert.Equal(0, list.Exit);
        Assert.Contains("Xã Hồng Hà", list.Out);
        Assert.Contains("/xa-hong-ha", list.Out);
        Assert.DoesNotContain("Tỉnh An Hòa", list.Out);
        Assert.Equal(0, disable.Exit);
        Assert.Contains("Disabled", listed.Out);
        Assert.Equal(0, enable.Exit);
    }

    [Theory]
    [InlineData(1, "already exists", "tenants", "provision", "--name", "default", "--display-name", "X", "--parent", "default")]
    [InlineData(1, "is not valid", "tenants", "provision", "--name", "Xã Hồng Hà", "--display-name", "X", "--parent", "default")]
    [InlineData(1, "does not exist", "tenants", "provision", "--name", "xa-mo-coi", "--display-name", "X", "--parent", "huyen-khong-co")]
    [InlineData(1, "is required", "tenants", "provision", "--name", "xa-thieu-ten", "--parent", "default")]
    [InlineData(2, "needs --name", "tenants", "provision")]
    [InlineData(1, "no tenant named", "tenants", "disable", "khong-co")]
    [InlineData(1, "cannot be disabled", "tenants", "disable", "default")]
    [InlineData(2, "unknown command", "tenants", "xoa")]
    [InlineData(2, "needs the tenant's name", "tenants", "enable")]
    [InlineData(2, "unknown level", "tenants", "list", "--level", "Village")]
    [InlineData(2, "unknown command 'tenant list'", "tenant", "list")]
    [InlineData(2, "unknown command 'search reindex'", "search", "reindex")]
    [InlineData(2, "option --host needs a value", "tenants", "provision", "--name", "xa-c", "--host")]
    [InlineData(2, "unknown option --prefx", "tenants", "provision", "--name", "xa-c", "--prefx", "x")]
    [InlineData(1, "e-mail address is not valid", "users", "create-admin", "--user", "qt", "--email", "khong-hop-le")]
    public async Task Bad_input_gets_one_line_on_stderr_and_a_non_zero_exit(int exit, string message, params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(exit, result.Exit);
        Assert.Contains(message, result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("error: ", result.Error);
    }

    [Fact]
    public async Task A_csv_provisions_the_good_rows_reports_the_bad_ones_and_can_run_again()
    {
        var csv = Path.Combine(Database.DataPath, "communes.csv");
        await File.WriteAllTextAsync(csv, """
            name,displayName,level,prefix,host
            xa-an-binh,Xã An Bình,Commune,,
            Xa Sai Ten,Xã Sai Tên,Commune,,
            phuong-dong-tien,"Phường Đông Tiến, thành phố",Commune,,dongtien.tinh.gov.vn
            xa-an-binh-2,Xã An Bình 2,Commune,xa-an-binh,
            """);

        var first = await RunAsync("tenants", "provision", "--csv", csv, "--recipe", "commune", "--parent", "default");
        var second = await RunAsync("tenants", "provision", "--csv", csv, "--recipe", "commune", "--parent", "default");
        var list = await RunAsync("tenants", "list");

        Assert.Equal(1, first.Exit);
        Assert.Contains("Done: 2 provisioned, 0 already present, 2 rejected.", first.Out);
        Assert.Contains("rejected line 3 (Xa Sai Ten)", first.Out);
        Assert.Contains("rejected line 5 (xa-an-binh-2)", first.Out);
        Assert.Contains("Done: 0 provisioned, 2 already present, 2 rejected.", second.Out);
        Assert.Contains("Phường Đông Tiến, thành phố", list.Out);
        Assert.Contains("dongtien.tinh.gov.vn", list.Out);
    }

    [Fact]
    public async Task A_file_that_is_not_a_tenants_csv_is_refused()
    {
        var file = Path.Combine(Database.DataPath, "anh.png");
        await File.WriteAllBytesAsync(file, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]);

        var result = await RunAsync("tenants", "provision", "--csv", file);
        var missing = await RunAsync("tenants", "provision", "--csv", "/khong/co.csv");

        Assert.Equal(2, result.Exit);
        Assert.Contains("is not a tenants CSV", result.Error);
        Assert.Equal(2, missing.Exit);
    }

    [Fact]
    public async Task Create_admin_makes_a_login_that_administers_a_site()
    {
        await RunAsync("tenants", "provision", "--name", "so-noi-vu", "--display-name", "Sở Nội vụ", "--level", "Department", "--parent", "default", "--recipe", "department");

        var created = await RunAsync("users", "create-admin", "--user", "qt-noivu", "--tenant", "so-noi-vu");
        var again = await RunAsync("users", "create-admin", "--user", "qt-noivu", "--tenant", "so-noi-vu");
        var unknown = await RunAsync("users", "create-admin", "--user", "x", "--tenant", "khong-co");

        Assert.Equal(0, created.Exit);
        Assert.Contains("Password (shown once):", created.Out);
        Assert.Contains("is now an administrator", again.Out);
        Assert.Equal(2, unknown.Exit);
    }

    [Fact]
    public async Task Recipes_run_rolls_an_update_out_to_every_commune_and_can_run_again()
    {
        await RunAsync("tenants", "provision", "--name", "xa-mot", "--display-name", "Xã Một", "--parent", "default", "--recipe", "commune");
        await RunAsync("tenants", "provision", "--name", "xa-hai", "--display-name", "Xã Hai", "--parent", "default", "--recipe", "commune");
        var recipe = Path.Combine(Database.DataPath, "duong-day-nong.recipe.json");
        await File.WriteAllTextAsync(recipe, """{ "name": "duong-day-nong", "steps": [ { "name": "settings", "values": { "hotline": "1022" } } ] }""");

        var first = await RunAsync("recipes", "run", recipe, "--tenants", "level=Commune");
        var second = await RunAsync("recipes", "run", recipe, "--tenants", "level=Commune");
        var broken = await RunAsync("recipes", "run", "khong-co", "--tenants", "level=Commune");
        var noTarget = await RunAsync("recipes", "run", recipe);

        Assert.Equal(0, first.Exit);
        Assert.Contains("Recipe 'duong-day-nong': 2 site(s) updated, 0 failed.", first.Out);
        Assert.Contains("[2/2]", first.Out);
        Assert.Equal(0, second.Exit);
        Assert.Equal(1, broken.Exit);
        Assert.Contains("no such recipe", broken.Error);
        Assert.Equal(2, noTarget.Exit);
    }

    [Fact]
    public async Task Tenants_remove_deletes_a_disabled_site_only()
    {
        await RunAsync("tenants", "provision", "--name", "xa-bo", "--display-name", "Xã Bỏ", "--parent", "default", "--recipe", "commune");

        var running = await RunAsync("tenants", "remove", "xa-bo");
        await RunAsync("tenants", "disable", "xa-bo");
        var removed = await RunAsync("tenants", "remove", "xa-bo");
        var list = await RunAsync("tenants", "list");

        Assert.Equal(1, running.Exit);
        Assert.Contains("Disable 'xa-bo' before removing it", running.Error);
        Assert.Equal(0, removed.Exit);
        Assert.DoesNotContain("xa-bo", list.Out);
    }
}
