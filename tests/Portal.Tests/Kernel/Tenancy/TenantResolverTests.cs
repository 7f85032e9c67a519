using Portal.Core.Tenancy;

namespace Portal.Tests.Kernel.Tenancy;

[Trait("Category", "Fast")]
public sealed class TenantResolverTests
{
    private static Tenant T(int id, string name, string prefix = "", params string[] hosts) =>
        new() { Id = id, Name = name, Prefix = prefix, Hosts = [.. hosts] };

    private readonly TenantResolver _resolver = new(
    [
        T(1, Tenant.DefaultName),
        T(2, "so-tai-chinh", "", "stc.tinh.gov.vn"),
        T(3, "xa-hong-ha", "xa-hong-ha"),
        T(4, "xa-hong-ha-tren-host", "xa-hong-ha", "khac.tinh.gov.vn"),
        T(5, "khong-dia-chi"),
    ]);

    [Theory]
    [InlineData("tinh.gov.vn", "", "default", "")]
    [InlineData("localhost", "trang", "default", "")]
    [InlineData("STC.tinh.gov.vn", "trang", "so-tai-chinh", "")]
    [InlineData("localhost", "xa-hong-ha", "xa-hong-ha", "xa-hong-ha")]
    [InlineData("localhost", "XA-HONG-HA", "xa-hong-ha", "xa-hong-ha")]
    [InlineData("khac.tinh.gov.vn", "xa-hong-ha", "xa-hong-ha-tren-host", "xa-hong-ha")]
    [InlineData("stc.tinh.gov.vn", "xa-hong-ha", "so-tai-chinh", "")]
    [InlineData("localhost", "xa-khong-co", "default", "")]
    public void Resolves_host_and_prefix_then_host_then_prefix_then_default(string host, string segment, string expected, string prefix)
    {
        var (tenant, matched) = _resolver.Resolve(host, segment);

        Assert.Equal(expected, tenant?.Name);
        Assert.Equal(prefix, matched);
    }

    [Fact]
    public void Without_a_default_tenant_an_unknown_address_resolves_to_nothing()
    {
        var resolver = new TenantResolver([T(3, "xa-hong-ha", "xa-hong-ha")]);

        Assert.Null(resolver.Resolve("localhost", "khac").Tenant);
    }

    [Theory]
    [InlineData("", "a", "", "b", true)]
    [InlineData("x", "a", "x", "b", true)]
    [InlineData("x", "a", "y", "b", false)]
    [InlineData("x", "h1", "x", "h2", false)]
    [InlineData("x", "h1", "x", "H1", true)]
    public void Collides_only_on_the_same_address(string prefixA, string hostA, string prefixB, string hostB, bool collides)
    {
        var a = T(1, "a", prefixA, hostA.StartsWith('h') || hostA.StartsWith('H') ? [hostA] : []);
        var b = T(2, "b", prefixB, hostB.StartsWith('h') || hostB.StartsWith('H') ? [hostB] : []);

        Assert.Equal(collides, TenantResolver.Collides(a, b));
    }

    [Theory]
    [InlineData("xa-hong-ha", true)]
    [InlineData("x", true)]
    [InlineData("so-gd-dt-2", true)]
    [InlineData("Xa", false)]
    [InlineData("xa_hong", false)]
    [InlineData("-xa", false)]
    [InlineData("xa-", false)]
    [InlineData("xã", false)]
    [InlineData("", false)]
    public void Names_are_lower_case_slugs(string name, bool valid) =>
        Assert.Equal(valid, TenantNames.CheckName(name) is null);

    [Theory]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("tin-tuc")]
    [InlineData("en")]
    [InlineData("the")]
    [InlineData("media")]
    [InlineData("so-do-cong")]
    public void Prefixes_used_by_the_platform_are_reserved(string prefix) =>
        Assert.Contains("reserved", TenantNames.CheckPrefix(prefix, Portal.Core.Modules.ModuleCatalog.FromApplicationDirectory().ReservedSegments));

    [Theory]
    [InlineData("xahongha.tinh.gov.vn", true)]
    [InlineData("localhost", true)]
    [InlineData("http://x.gov.vn", false)]
    [InlineData("x.gov.vn:8080", false)]
    [InlineData("x..gov.vn", false)]
    public void Host_names_are_checked(string host, bool valid) =>
        Assert.Equal(valid, TenantNames.CheckHost(host) is null);
}
