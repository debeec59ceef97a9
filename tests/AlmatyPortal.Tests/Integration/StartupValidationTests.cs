using AlmatyPortal.Tests.Support;

namespace AlmatyPortal.Tests.Integration;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Donate:Url", "not a url", "Donate:Url must be an absolute http(s) URL")]
    [InlineData("Donate:Url", "javascript:alert(1)", "Donate:Url must be an absolute http(s) URL")]
    [InlineData("Portal:PageSize", "0", "Portal:PageSize must be between 1 and 100")]
    [InlineData("Portal:TimeZone", "Mars/Olympus", "Portal:TimeZone 'Mars/Olympus' is not a time zone")]
    [InlineData("Portal:SiteName", " ", "Portal:SiteName must not be empty")]
    [InlineData("Portal:Database", "MySQL", "Portal:Database must be Sqlite or PostgreSQL (it is 'MySQL').")]
    [InlineData("Portal:Database", "PostgreSQL", "ConnectionStrings:Portal must name the PostgreSQL server when Portal:Database is PostgreSQL")]
    public void An_invalid_setting_stops_start_up_with_a_message_naming_it(string key, string value, string message)
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { [key] = value });

        var error = Record.Exception(() => portal.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(message, Messages(error), StringComparison.Ordinal);
    }

    /// <summary>Every message in an exception and the exceptions inside it, however start-up wrapped them.</summary>
    public static string Messages(Exception error) => error switch
    {
        AggregateException aggregate => aggregate.Message + " " + string.Join(" ", aggregate.InnerExceptions.Select(Messages)),
        { InnerException: { } inner } => error.Message + " " + Messages(inner),
        _ => error.Message,
    };
}
