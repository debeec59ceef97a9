using AlmatyPortal.Tests.Support;

namespace AlmatyPortal.Tests.Integration;

public sealed class LoggingTests
{
    [Fact]
    public async Task Requests_are_logged_as_structured_json_in_the_data_folder_without_query_strings()
    {
        using var portal = new PortalFactory(null);
        await portal.CreateReader().GetAsync(Seed.ArticleUrl + "?secret=hunter2");

        var line = await LogFile.WaitForLineAsync(Path.Combine(portal.DataPath, "logs"), "\"RequestPath\":\"" + Seed.ArticleUrl + "\"");

        Assert.Contains("\"StatusCode\":200", line, StringComparison.Ordinal);
        Assert.Contains("\"@mt\":\"HTTP {RequestMethod} {RequestPath} responded {StatusCode}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }
}
