
namespace AlmatyPortal.Web.Infrastructure;

/// <summary>The absolute folders the portal reads and writes, resolved once from <see cref="PortalOptions"/>.</summary>
public sealed class PortalPaths
{
    public PortalPaths(IOptions<PortalOptions> options, IHostEnvironment environment)
    {
        DataPath = Resolve(environment.ContentRootPath, options.Value.DataPath);
        ContentPath = string.IsNullOrWhiteSpace(options.Value.ContentPath)
            ? FindRepositoryContent(environment.ContentRootPath) ?? Path.Combine(environment.ContentRootPath, "content")
            : Resolve(environment.ContentRootPath, options.Value.ContentPath);
        MediaPath = string.IsNullOrWhiteSpace(options.Value.MediaPath)
            ? Path.Combine(DataPath, "media")
            : Resolve(environment.ContentRootPath, options.Value.MediaPath);
        LogsPath = Path.Combine(DataPath, "logs");
        KeysPath = Path.Combine(DataPath, "keys");
    }

    public string DataPath { get; }
    public string ContentPath { get; }
    public string MediaPath { get; }
    public string LogsPath { get; }

    /// <summary>The data-protection keys that sign cookies and antiforgery tokens; a backup carries them.</summary>
    public string KeysPath { get; }

    public static string Resolve(string root, string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(root, path));

    /// <summary>The repository's content/ folder, found by walking up from the app to the folder holding AlmatyPortal.sln.</summary>
    public static string? FindRepositoryContent(string start)
    {
        foreach (var origin in new[] { start, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AlmatyPortal.sln")))
                {
                    return Path.Combine(dir.FullName, "content");
                }
            }
        }
        return null;
    }
}
