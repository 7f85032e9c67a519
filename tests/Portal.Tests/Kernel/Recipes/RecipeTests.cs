using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Contents;
using Portal.Core.Persistence;
using Portal.Core.Recipes;
using Portal.Core.Tenancy;
using Portal.Pages.Models;
using Portal.Tests.Infrastructure;
using Portal.Users.Models;

namespace Portal.Tests.Kernel.Recipes;

/// <summary>The recipe engine through provisioning and roll-out: validation first, all or nothing, idempotent.</summary>
public abstract class RecipeTests<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private PortalFactory Factory => fixture.Factory;

    private string WriteRecipe(string json)
    {
        var path = Path.Combine(Factory.Database.DataPath, Guid.NewGuid().ToString("N")[..8] + ".recipe.json");
        File.WriteAllText(path, json);
        return path;
    }

    private Task<Tenant> ProvisionWithAsync(string name, string recipe) =>
        Factory.Service<TenantManager>().ProvisionAsync(new TenantRequest { Name = name, DisplayName = "Xã " + name, Parent = "default", Level = "Commune", Recipe = recipe, AllowRecipeFile = true });

    [Theory]
    [InlineData("department", "Department", new[] { "Portal.Api", "Portal.Contents", "Portal.Dialogues", "Portal.LegalDocuments", "Portal.Media", "Portal.News", "Portal.Pages", "Portal.Procedures", "Portal.Questions", "Portal.Search", "Portal.Syndication", "Portal.Taxonomies", "Portal.Users" }, "co-cau-to-chuc")]
    [InlineData("district", "District", new[] { "Portal.Api", "Portal.Contents", "Portal.Dialogues", "Portal.LegalDocuments", "Portal.Media", "Portal.News", "Portal.Pages", "Portal.Procedures", "Portal.Questions", "Portal.Search", "Portal.Syndication", "Portal.Taxonomies", "Portal.Users" }, "chuc-nang-nhiem-vu")]
    [InlineData("commune", "Commune", new[] { "Portal.Api", "Portal.Contents", "Portal.Dialogues", "Portal.LegalDocuments", "Portal.Media", "Portal.News", "Portal.Pages", "Portal.Procedures", "Portal.Questions", "Portal.Search", "Portal.Syndication", "Portal.Taxonomies", "Portal.Users" }, "lanh-dao")]
    public async Task Each_setup_recipe_gives_a_working_site_in_one_step(string recipe, string level, string[] features, string page)
    {
        var tenant = await Factory.Service<TenantManager>().ProvisionAsync(new TenantRequest { Name = $"site-{recipe}", DisplayName = "Đơn vị " + recipe, Parent = "default", Recipe = recipe });
        var client = Factory.CreateClient();
        var home = await client.GetStringAsync($"/site-{recipe}/");

        Assert.Equal(level, tenant.Level.ToString());
        Assert.Equal(features.Order(), tenant.Features.Order());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/site-{recipe}/trang/{page}")).StatusCode);
        Assert.Contains("Đơn vị " + recipe, home);
        Assert.Contains("Liên hệ", home);
        Assert.Contains("Văn bản", home);
        Assert.Contains("/hoi-dap\">Hỏi đáp</a>", home); // the recipe's menu item of a module it enables
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(tenant);
        var roles = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<TenantRole>().Select(r => r.Name).ToListAsync();
        Assert.Equal(["Administrator", "Approver", "Editor", "Reporter", "Responder"], roles.Order());
    }

    [Fact]
    public async Task The_province_has_the_main_menu_and_the_required_sections()
    {
        var html = await Factory.CreateClient().GetStringAsync("/");

        Assert.Contains("Dịch vụ công", html);
        Assert.Contains("Giới thiệu", html);
        Assert.Contains("Portal.Tenants", Factory.Service<TenantCatalog>().Default!.Features);
        foreach (var slug in new[] { "co-cau-to-chuc", "chien-luoc-quy-hoach-ke-hoach", "du-an-dau-thau", "ngan-sach-thong-ke", "khoa-hoc-cong-nghe" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Factory.CreateClient().GetAsync($"/trang/{slug}")).StatusCode);
        }
    }

    [Theory]
    [InlineData("{ \"name\": \"x\", \"steps\": [ { \"name\": \"feature\", \"enable\": [\"Portal.Pages\"] ", "not valid JSON")]
    [InlineData("{ \"name\": \"x\", \"steps\": [ { \"name\": \"khong-co\" } ] }", "step 1 (khong-co): unknown step 'khong-co'")]
    [InlineData("{ \"name\": \"x\", \"steps\": [ { \"name\": \"feature\", \"enable\": \"Portal.Pages\" } ] }", "step 1 (feature): 'enable' must be an array of strings")]
    [InlineData("{ \"name\": \"x\", \"steps\": [ { \"name\": \"feature\", \"enabel\": [] } ] }", "step 1 (feature): unknown field 'enabel'")]
    [InlineData("{ \"name\": \"x\", \"steps\": [ { \"name\": \"feature\", \"enable\": [\"Portal.Khong\"] } ] }", "unknown feature 'Portal.Khong'")]
    [InlineData("{ \"name\": \"x\", \"steps\": [ { \"name\": \"settings\", \"values\": { \"a\": \"{{khong.co}}\" } } ] }", "unknown variable '{{khong.co}}'")]
    [InlineData("{ \"name\": \"x\", \"steps\": [ { \"name\": \"recipes\", \"values\": [\"khong-co\"] } ] }", "recipe 'khong-co': no such recipe")]
    [InlineData("{ \"name\": \"x\", \"steps\": [ { \"name\": \"content\", \"items\": [ { \"type\": \"tin\", \"id\": \"1\", \"fields\": {} } ] } ] }", "unknown content type 'tin'")]
    [InlineData("{ \"name\": \"x\", \"steps\": [ { \"name\": \"content\", \"items\": [ { \"type\": \"page\", \"id\": \"1\", \"fields\": { \"slug\": \"Sai Dau\" } } ] } ] }", "'fields.title': is required")]
    [InlineData("{ \"name\": \"x\", \"steps\": [ { \"name\": \"roles\", \"roles\": [ { \"name\": \"Editor\", \"permissions\": [\"BayGio\"] } ] } ] }", "unknown permission 'BayGio'")]
    [InlineData("{ \"name\": \"x\", \"stpes\": [] }", "unknown property 'stpes'")]
    public async Task A_broken_recipe_is_refused_before_anything_runs(string json, string expected)
    {
        var path = WriteRecipe(json.Replace("\"name\": \"x\",", "\"name\": \"x\", \"issetuprecipe\": true,", StringComparison.Ordinal));
        var before = await CountAsync<Tenant>();

        var error = await Assert.ThrowsAsync<TenantValidationException>(() => ProvisionWithAsync("xa-hong-" + Math.Abs(expected.GetHashCode(StringComparison.Ordinal)), path));

        Assert.Contains(expected, error.Errors["recipe"]);
        Assert.Equal(before, await CountAsync<Tenant>());
    }

    [Fact]
    public async Task A_recipe_that_includes_itself_is_refused()
    {
        var dir = Path.Combine(Factory.Database.DataPath, "cycle");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "vong.recipe.json");
        await File.WriteAllTextAsync(path, $$"""{ "name": "vong", "issetuprecipe": true, "steps": [ { "name": "recipes", "values": [ "{{path}}" ] } ] }""");

        var error = await Assert.ThrowsAsync<TenantValidationException>(() => ProvisionWithAsync("xa-vong", path));

        Assert.Contains("includes itself", error.Errors["recipe"]);
    }

    [Fact]
    public async Task A_step_that_fails_while_running_leaves_no_tenant_and_no_rows()
    {
        // Valid on paper, but the page import needs Portal.Pages, which this recipe disables first.
        var path = WriteRecipe("""
            { "name": "hong", "issetuprecipe": true, "steps": [
              { "name": "settings", "values": { "hotline": "1900" } },
              { "name": "feature", "disable": [ "Portal.Pages" ] },
              { "name": "content", "items": [ { "type": "page", "id": "p", "fields": { "title": "Trang" } } ] } ] }
            """);
        var tenants = await CountAsync<Tenant>();

        var error = await Assert.ThrowsAsync<RecipeException>(() => ProvisionWithAsync("xa-hong-step", path));

        Assert.Contains("step 3 (content)", error.Message);
        Assert.Equal(tenants, await CountAsync<Tenant>());
        Assert.Null(Factory.Service<TenantCatalog>().FindByName("xa-hong-step"));
    }

    [Fact]
    public async Task Running_a_recipe_twice_leaves_the_state_of_running_it_once()
    {
        var tenant = await ProvisionWithAsync("xa-hai-lan", "commune");
        var update = Factory.Service<RecipeCatalog>().Find(WriteRecipe("""
            { "name": "cap-nhat", "steps": [
              { "name": "settings", "values": { "hotline": "0203 123 456" } },
              { "name": "recipes", "values": [ "editorial-roles" ] },
              { "name": "users", "users": [ { "userName": "btv-hai-lan", "password": "Passw0rd-H!", "roles": [ "Editor" ] } ] },
              { "name": "content", "items": [ { "type": "page", "id": "thong-bao", "fields": { "title": "Thông báo", "body": "<p>Lịch tiếp công dân</p>" } } ] } ] }
            """));
        var manager = Factory.Service<TenantManager>();

        await manager.RunRecipeAsync(tenant.Name, update);
        var once = await SnapshotAsync(tenant);
        await manager.RunRecipeAsync(tenant.Name, update);
        var twice = await SnapshotAsync(tenant);

        Assert.Equal(once, twice);
        Assert.Contains("0203 123 456", once);
        Assert.Contains("Thông báo", once);
        Assert.Contains("btv-hai-lan:Editor", once);
    }

    [Fact]
    public async Task A_roll_out_applies_to_each_site_alone_and_a_failing_site_keeps_its_state()
    {
        var good = await ProvisionWithAsync("xa-rollout-1", "commune");
        var bad = await ProvisionWithAsync("xa-rollout-2", "commune");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var row = await db.Tenants.SingleAsync(t => t.Id == bad.Id);
            row.Features = [.. row.Features.Where(f => f != "Portal.Pages")];
            row.UpdatedUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }

        await Factory.Service<TenantCatalog>().ReloadAsync();
        var update = Factory.Service<RecipeCatalog>().Find(WriteRecipe("""
            { "name": "rollout", "steps": [
              { "name": "settings", "values": { "hotline": "1022" } },
              { "name": "content", "items": [ { "type": "page", "id": "tiep-dan", "fields": { "title": "Lịch tiếp dân" } } ] } ] }
            """));
        var manager = Factory.Service<TenantManager>();

        await manager.RunRecipeAsync(good.Name, update);
        await Assert.ThrowsAsync<RecipeException>(() => manager.RunRecipeAsync(bad.Name, update));

        Assert.Equal("1022", Factory.Service<TenantCatalog>().FindByName(good.Name)!.Setting("hotline"));
        Assert.NotEqual("1022", Factory.Service<TenantCatalog>().FindByName(bad.Name)!.Setting("hotline"));
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateClient().GetAsync("/xa-rollout-1/trang/lich-tiep-dan")).StatusCode);
    }

    [Fact]
    public async Task A_site_gets_its_own_colour_and_banner_and_an_unsafe_banner_is_ignored()
    {
        var site = await ProvisionWithAsync("xa-mau-sac", "commune");
        var look = Factory.Service<RecipeCatalog>().Find(WriteRecipe("""
            { "name": "giao-dien", "steps": [ { "name": "settings", "values": { "primaryColor": "#0b6e4f", "banner": "/media/1/dong-lua.jpg" } } ] }
            """));
        var unsafeLook = Factory.Service<RecipeCatalog>().Find(WriteRecipe("""
            { "name": "giao-dien-xau", "steps": [ { "name": "settings", "values": { "banner": "x.jpg'); background: url(javascript:alert(1)" } } ] }
            """));

        await Factory.Service<TenantManager>().RunRecipeAsync(site.Name, look);
        var styled = await Factory.CreateClient().GetStringAsync("/xa-mau-sac/");
        await Factory.Service<TenantManager>().RunRecipeAsync(site.Name, unsafeLook);
        var refused = await Factory.CreateClient().GetStringAsync("/xa-mau-sac/");

        Assert.Contains("--primary: #0b6e4f", styled);
        Assert.Contains("url('/media/1/dong-lua.jpg')", styled);
        Assert.DoesNotContain("javascript", refused);
        Assert.DoesNotContain("background-image", refused);
    }

    [Fact]
    public async Task Removing_a_disabled_site_deletes_its_rows_and_nothing_else()
    {
        var keep = await ProvisionWithAsync("xa-giu", "commune");
        var gone = await ProvisionWithAsync("xa-xoa", "commune");
        var manager = Factory.Service<TenantManager>();

        var whileRunning = await Assert.ThrowsAsync<TenantValidationException>(() => manager.RemoveAsync(gone.Name));
        await manager.DisableAsync(gone.Name);
        await manager.RemoveAsync(gone.Name);

        Assert.Contains("Disable", whileRunning.Errors["name"]);
        Assert.Null(Factory.Service<TenantCatalog>().FindByName(gone.Name));
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await db.Set<PublishedPage>().IgnoreQueryFilters().AnyAsync(p => p.TenantId == gone.Id));
        Assert.False(await db.Set<ContentItem>().IgnoreQueryFilters().AnyAsync(c => c.TenantId == gone.Id));
        Assert.False(await db.Set<TenantRole>().IgnoreQueryFilters().AnyAsync(r => r.TenantId == gone.Id));
        Assert.True(await db.Set<PublishedPage>().IgnoreQueryFilters().AnyAsync(p => p.TenantId == keep.Id));
        await Assert.ThrowsAsync<TenantValidationException>(() => manager.RemoveAsync("default"));
    }

    private async Task<int> CountAsync<T>()
        where T : class
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<T>().IgnoreQueryFilters().CountAsync();
    }

    /// <summary>Everything a recipe can change on a site, as text, for comparing two states.</summary>
    private async Task<string> SnapshotAsync(Tenant tenant)
    {
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenant.Id);
        // Every version of every page and the audit trail: a second run may add neither.
        var pages = await db.Set<ContentItem>().Where(c => c.ContentType == "page").OrderBy(c => c.Id)
            .Select(c => $"{c.Id}|{c.ContentItemId}|{c.Version}|{c.State}|{c.Latest}|{c.Published}|{c.Slug}|{c.Title}|{c.Data}|{c.ModifiedUtc:O}").ToListAsync();
        var audit = await db.Set<ContentAuditEntry>().CountAsync();
        var published = await db.Set<PublishedPage>().OrderBy(p => p.Id).Select(p => $"{p.Id}|{p.ContentItemId}|{p.Slug}|{p.Title}|{p.Body}|{p.UpdatedUtc:O}").ToListAsync();
        var roles = await db.Set<TenantRole>().OrderBy(r => r.Name).Select(r => r.Name + "=" + string.Join(",", r.Permissions)).ToListAsync();
        var grants = await (from g in db.Set<UserTenantRole>()
                            join u in db.Set<PortalUser>() on g.UserId equals u.Id
                            orderby u.UserName, g.RoleName
                            select u.UserName + ":" + g.RoleName).ToListAsync();
        var users = await db.Set<PortalUser>().CountAsync();
        return string.Join("\n", [row.Theme, string.Join(",", row.Features), row.Settings, .. pages, $"audit={audit}", .. published, .. roles, .. grants, $"users={users}"]);
    }
}

public sealed class RecipeTestsSqlite(SqliteFixture fixture) : RecipeTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class RecipeTestsPostgres(PostgresFixture fixture) : RecipeTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
