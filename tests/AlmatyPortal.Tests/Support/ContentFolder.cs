namespace AlmatyPortal.Tests.Support;

/// <summary>A throw-away copy of content/ that a test may add to or break.</summary>
public sealed class ContentFolder : IDisposable
{
    public ContentFolder(bool copySeed = true)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "almaty-content", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (copySeed)
        {
            Copy(PortalFactory.RepositoryContent, Path);
        }
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public string Read(string relative) => File.ReadAllText(System.IO.Path.Combine(Path, relative));

    /// <summary>Writes a news article with the given front matter lines and body.</summary>
    public string WriteArticle(string fileName, string frontMatter, string body = "Body text.") =>
        Write("news/" + fileName, $"---\n{frontMatter.Trim()}\n---\n\n{body}\n");

    public static void Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal), overwrite: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }
}
