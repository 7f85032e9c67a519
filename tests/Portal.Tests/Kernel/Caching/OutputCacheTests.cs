using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Kernel.Caching;

/// <summary>Anonymous public pages come from the output cache, and an edit evicts them at once.</summary>
public sealed class OutputCacheTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_cached_page_shows_an_edit_on_the_next_request()
    {
        var site = await Factory.ProvisionAsync("xa-cache");
        var page = await Factory.AddPageAsync(site, "lich-tiep-dan", "Lịch tiếp dân", "<p>Thứ Hai</p>");
        var citizen = Factory.CreateClient();

        var first = await citizen.GetAsync("/xa-cache/trang/lich-tiep-dan");
        var second = await citizen.GetAsync("/xa-cache/trang/lich-tiep-dan");
        var admin = await AdminClient.SignedInAsync(Factory);
        await admin.PostFormAsync($"/xa-cache/admin/pages/{page.Id}/edit", $"/xa-cache/admin/pages/{page.Id}/edit", new()
        {
            ["Title"] = "Lịch tiếp dân",
            ["Slug"] = "lich-tiep-dan",
            ["Body"] = "<p>Thứ Năm</p>",
            ["Published"] = "true",
        });
        var afterEdit = await citizen.GetStringAsync("/xa-cache/trang/lich-tiep-dan");
        var signedIn = await admin.Http.GetAsync("/xa-cache/trang/lich-tiep-dan");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"), "the second anonymous request should come from the output cache");
        Assert.Contains("Thứ Năm", afterEdit);
        Assert.False(signedIn.Headers.Contains("Age"), "signed-in editors always see the live page");
    }

    [Fact]
    public async Task Not_found_pages_and_other_sites_are_not_served_from_one_sites_cache()
    {
        await Factory.ProvisionAsync("xa-cache-a");
        await Factory.ProvisionAsync("xa-cache-b");
        var citizen = Factory.CreateClient();

        var a = await citizen.GetStringAsync("/xa-cache-a/");
        var b = await citizen.GetStringAsync("/xa-cache-b/");
        await citizen.GetAsync("/xa-cache-a/trang/khong-co");
        var missingAgain = await citizen.GetAsync("/xa-cache-a/trang/khong-co");

        Assert.Contains("Xã xa-cache-a", a);
        Assert.Contains("Xã xa-cache-b", b);
        Assert.DoesNotContain("Xã xa-cache-a", b);
        Assert.False(missingAgain.Headers.Contains("Age"));
    }
}
