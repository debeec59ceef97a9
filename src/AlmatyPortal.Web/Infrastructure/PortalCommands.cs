using AlmatyPortal.Web.Features.Content;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>The command-line verbs: "import [path]" and "export [path]"; without a path, Portal:ContentPath.</summary>
public static class PortalCommands
{
    private static readonly string[] Verbs = ["import", "export"];

    /// <summary>Splits the verb and its path off the arguments, leaving the rest for the host (--urls, settings).</summary>
    public static (string? Verb, string? Path, string[] HostArgs) Parse(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return (null, null, args);
        }
        var path = args.Length > 1 && !args[1].StartsWith('-') ? args[1] : null;
        return (args[0], path, args.Skip(path is null ? 1 : 2).ToArray());
    }

    public static async Task<int> RunAsync(WebApplication app, string verb, string? path)
    {
        var paths = app.Services.GetRequiredService<PortalPaths>();
        var folder = path is null ? paths.ContentPath : System.IO.Path.GetFullPath(path);
        // Migrations and the database come first, exactly as at start-up, but no server is started.
        foreach (var initializer in app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
        {
            await initializer.StartingAsync(CancellationToken.None);
        }
        await using var scope = app.Services.CreateAsyncScope();
        if (verb == "import")
        {
            var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder);
            await Console.Out.WriteLineAsync($"Imported {folder}: {report}");
            return report.HasProblems ? 1 : 0;
        }
        var written = await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(folder);
        await Console.Out.WriteLineAsync($"Exported {written} files to {folder}");
        return 0;
    }
}
