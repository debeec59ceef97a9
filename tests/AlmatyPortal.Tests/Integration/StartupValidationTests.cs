using AlmatyPortal.Tests.Support;
using Microsoft.Extensions.Options;

namespace AlmatyPortal.Tests.Integration;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Donate:Url", "not a url", "Donate:Url must be an absolute http(s) URL")]
    [InlineData("Donate:Url", "javascript:alert(1)", "Donate:Url must be an absolute http(s) URL")]
    [InlineData("Portal:PageSize", "0", "Portal:PageSize must be between 1 and 100")]
    [InlineData("Portal:TimeZone", "Mars/Olympus", "Portal:TimeZone 'Mars/Olympus' is not a time zone")]
    [InlineData("Portal:SiteName", " ", "Portal:SiteName must not be empty")]
    public void An_invalid_setting_stops_start_up_with_a_message_naming_it(string key, string value, string message)
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => portal.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
