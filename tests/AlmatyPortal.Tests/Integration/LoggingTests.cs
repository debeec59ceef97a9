using AlmatyPortal.Tests.Support;

namespace AlmatyPortal.Tests.Integration;

public sealed class LoggingTests
{
    [Fact]
    public async Task Requests_are_logged_as_structured_json_in_the_data_folder_without_query_strings()
    {
        using var portal = new PortalFactory(null);
        await portal.CreateReader().GetAsync(Seed.ArticleUrl + "?secret=hunter2");

        var line = await WaitForLineAsync(Path.Combine(portal.DataPath, "logs"), "\"RequestPath\":\"" + Seed.ArticleUrl + "\"");

        Assert.Contains("\"StatusCode\":200", line, StringComparison.Ordinal);
        Assert.Contains("\"@mt\":\"HTTP {RequestMethod} {RequestPath} responded {StatusCode}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForLineAsync(string folder, string marker)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "portal-*.json") : [])
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                var line = (await reader.ReadToEndAsync()).Split('\n').FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
                if (line is not null)
                {
                    return line;
                }
            }
            await Task.Delay(100);
        }
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
        Assert.Fail($"no log line with {marker} in {folder}: {string.Join(", ", files)}; "
            + string.Join("\n", files.Select(f => { using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete); return new StreamReader(s).ReadToEnd(); })));
        return "";
    }
}
