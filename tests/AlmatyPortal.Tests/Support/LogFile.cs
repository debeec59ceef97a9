namespace AlmatyPortal.Tests.Support;

/// <summary>Reads the portal's compact JSON log files in a data folder, waiting for the sink to flush.</summary>
public static class LogFile
{
    public static async Task<string> WaitForLineAsync(string folder, params string[] markers)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var line = (await ReadAllAsync(folder)).FirstOrDefault(l => markers.All(m => l.Contains(m, StringComparison.Ordinal)));
            if (line is not null)
            {
                return line;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"no log line with {string.Join(" and ", markers)} in {folder}:\n" + string.Join("\n", await ReadAllAsync(folder)));
        return "";
    }

    public static async Task<IReadOnlyList<string>> ReadAllAsync(string folder)
    {
        var lines = new List<string>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "portal-*.json") : [])
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            lines.AddRange((await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        return lines;
    }
}
