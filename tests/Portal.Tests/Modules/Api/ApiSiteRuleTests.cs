using Portal.Api.Services;
using Portal.Core.Tenancy;

namespace Portal.Tests.Modules.Api;

/// <summary>Where a token may be used: its own site and the sites below it, never a sibling or a parent.</summary>
[Trait("Category", "Fast")]
public sealed class ApiSiteRuleTests
{
    private static readonly Tenant Province = new() { Id = 1, Name = "default" };
    private static readonly Tenant District = new() { Id = 2, Name = "huyen-a", ParentId = 1 };
    private static readonly Tenant Commune = new() { Id = 3, Name = "xa-a", ParentId = 2 };
    private static readonly Tenant Sibling = new() { Id = 4, Name = "xa-b", ParentId = 2 };

    private static IEnumerable<Tenant> Ancestors(Tenant tenant) => tenant.Name switch
    {
        "xa-a" or "xa-b" => [District, Province],
        "huyen-a" => [Province],
        _ => [],
    };

    [Theory]
    [InlineData("default", "default", true)]
    [InlineData("default", "xa-a", true)]
    [InlineData("huyen-a", "xa-a", true)]
    [InlineData("xa-a", "xa-a", true)]
    [InlineData("xa-a", "xa-b", false)]
    [InlineData("xa-a", "huyen-a", false)]
    [InlineData("xa-a", "default", false)]
    [InlineData("huyen-a", "default", false)]
    [InlineData("", "default", false)]
    [InlineData(null, "xa-a", false)]
    [InlineData("XA-A", "xa-a", false)]
    public void A_token_is_accepted_on_its_site_and_below_only(string? tokenSite, string requestSite, bool accepted)
    {
        var site = new[] { Province, District, Commune, Sibling }.Single(t => t.Name == requestSite);

        Assert.Equal(accepted, ApiSiteRule.Accepts(tokenSite, site, Ancestors(site)));
    }

    [Theory]
    [InlineData("content.read content.write", "content.read,content.write")]
    [InlineData("search,  tenants content.read", "content.read,tenants,search")]
    [InlineData("content.read content.read", "content.read")]
    public void Scopes_are_parsed_in_the_kernels_order(string text, string expected)
    {
        Assert.Equal(expected, string.Join(',', ApiClientAdministration.ParseScopes(text)));
    }

    [Theory]
    [InlineData("content.delete")]
    [InlineData("")]
    [InlineData("CONTENT.READ")]
    public void Unknown_or_no_scopes_are_refused(string text)
    {
        Assert.Throws<ApiClientException>(() => ApiClientAdministration.ParseScopes(text));
    }

    [Fact]
    public void Generated_secrets_are_long_url_safe_and_different()
    {
        var a = ApiClientAdministration.GenerateSecret();
        var b = ApiClientAdministration.GenerateSecret();

        Assert.NotEqual(a, b);
        Assert.True(a.Length >= 40);
        Assert.Matches("^[A-Za-z0-9_-]+$", a);
    }
}
