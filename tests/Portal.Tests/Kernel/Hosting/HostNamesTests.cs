using Portal.Core.Hosting;

namespace Portal.Tests.Kernel.Hosting;

/// <summary>The plain-ASCII shortcut of <see cref="HostNames.TryNormalize"/> agrees with IDNA's answer.</summary>
[Trait("Category", "Fast")]
public sealed class HostNamesTests
{
    [Theory]
    [InlineData("Example.VN", "example.vn")]
    [InlineData("xa-hong-ha.quangninh.gov.vn:8080", "xa-hong-ha.quangninh.gov.vn")]
    [InlineData("127.0.0.1:5000", "127.0.0.1")]
    [InlineData("localhost.", "localhost")]
    [InlineData("xã.vn", "xn--x-yfa.vn")]
    [InlineData("XN--X-YFA.vn", "xn--x-yfa.vn")]
    [InlineData("[::1]:80", "[::1]")]
    public void Accepts_and_normalizes(string value, string expected)
    {
        Assert.True(HostNames.TryNormalize(value, out var host));
        Assert.Equal(expected, host);
    }

    [Theory]
    [InlineData("-bad.vn")]
    [InlineData("bad-.vn")]
    [InlineData("a..vn")]
    [InlineData("under_score.vn")]
    [InlineData("xn--zz.vn")]
    [InlineData("host:99999")]
    [InlineData("host:")]
    [InlineData("a b.vn")]
    public void Refuses(string value) => Assert.False(HostNames.TryNormalize(value, out _));

    [Fact]
    public void Refuses_a_label_longer_than_63()
    {
        Assert.True(HostNames.TryNormalize(new string('a', 63) + ".vn", out _));
        Assert.False(HostNames.TryNormalize(new string('a', 64) + ".vn", out _));
    }
}
