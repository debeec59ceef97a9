namespace AlmatyPortal.Web.Infrastructure;

/// <summary>Writes files so that a crash leaves either the old file or the whole new one, never half of it.</summary>
public static class DurableFile
{
    public static async Task WriteAsync(string path, byte[] bytes, CancellationToken ct)
    {
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes a new file and flushes it to disk, without renaming: for a caller that renames it later.</summary>
    public static async Task WriteInPlaceAsync(string path, byte[] bytes, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await stream.WriteAsync(bytes, ct);
        stream.Flush(flushToDisk: true);
    }

    public static Task WriteTextAsync(string path, string text, CancellationToken ct) =>
        WriteAsync(path, new System.Text.UTF8Encoding(false).GetBytes(text), ct);
}
