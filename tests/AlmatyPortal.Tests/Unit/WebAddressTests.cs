using AlmatyPortal.Web.Infrastructure;

namespace AlmatyPortal.Tests.Unit;

public sealed class WebAddressTests
{
    [Theory]
    [InlineData("https://donate.unhcr.org/", true)]
    [InlineData("http://example.org/a?b=c", true)]
    [InlineData("  https://example.org  ", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("ftp://example.org/", false)]
    [InlineData("/relative/path", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_absolute_http_and_https_addresses_pass(string? value, bool expected) =>
        Assert.Equal(expected, WebAddress.IsHttp(value));
}
