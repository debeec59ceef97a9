namespace AlmatyPortal.Web.Features.Backups;

/// <summary>The backup, backup --verify and restore verbs: what they print and the exit codes (0 done, 1 unsound, 2 misused).</summary>
public static class BackupCommands
{
    public static async Task<int> BackupAsync(IServiceProvider services, string? folder, bool verify)
    {
        if (folder is null)
        {
            await Console.Error.WriteLineAsync(PortalCommands.Usage("backup"));
            return PortalCommands.UsageError;
        }
        folder = Path.GetFullPath(folder);
        if (verify)
        {
            return await ReportAsync(folder, await PortalBackup.VerifyAsync(folder, CancellationToken.None));
        }
        if (await RefusedOnPostgreSqlAsync(services))
        {
            return PortalCommands.UsageError;
        }
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            await Console.Error.WriteLineAsync($"{folder} is not empty: a backup goes into a new or empty folder.");
            return PortalCommands.UsageError;
        }
        var manifest = await services.GetRequiredService<PortalBackup>().CreateAsync(folder, CancellationToken.None);
        await Console.Out.WriteLineAsync($"Backed up to {folder}: {string.Join(", ", manifest.Counts.Select(c => $"{c.Value} {c.Key}"))}; {manifest.Files.Count} files.");
        return await ReportAsync(folder, await PortalBackup.VerifyAsync(folder, CancellationToken.None));
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string? folder)
    {
        if (folder is null)
        {
            await Console.Error.WriteLineAsync(PortalCommands.Usage("restore"));
            return PortalCommands.UsageError;
        }
        folder = Path.GetFullPath(folder);
        if (await RefusedOnPostgreSqlAsync(services))
        {
            return PortalCommands.UsageError;
        }
        var paths = services.GetRequiredService<PortalPaths>();
        // Not through a context: that would open the database, creating the very file restore must not find.
        var database = services.GetRequiredService<SqliteConnections>().DatabaseFile;
        if (File.Exists(database) || Directory.Exists(paths.MediaPath) && Directory.EnumerateFiles(paths.MediaPath).Any())
        {
            await Console.Error.WriteLineAsync($"{paths.DataPath} already holds a portal: restore fills an empty data folder. Move the old one aside (or point Portal:DataPath at a new folder) and run restore again.");
            return PortalCommands.UsageError;
        }
        var problems = await PortalBackup.VerifyAsync(folder, CancellationToken.None);
        if (problems.Count > 0)
        {
            return await ReportAsync(folder, problems);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(database))!);
        File.Copy(Path.Combine(folder, PortalBackup.DatabaseName), database);
        Copy(Path.Combine(folder, "media"), paths.MediaPath);
        Copy(Path.Combine(folder, "keys"), paths.KeysPath);
        await Console.Out.WriteLineAsync($"Restored {folder} into {paths.DataPath}. Start the portal as usual; it applies any newer migrations.");
        return 0;
    }

    /// <summary>These verbs copy the SQLite file; a PostgreSQL portal is backed up with PostgreSQL's own tools.</summary>
    private static async Task<bool> RefusedOnPostgreSqlAsync(IServiceProvider services)
    {
        if (!services.GetRequiredService<IOptions<PortalOptions>>().Value.UsesPostgreSQL)
        {
            return false;
        }
        await Console.Error.WriteLineAsync("This portal's database is PostgreSQL: back it up with pg_dump (pg_dump -Fc -f portal.dump <database>) and restore it with pg_restore; copy Portal:MediaPath with your file backups. backup and restore work on the SQLite database only.");
        return true;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.Exists(from) ? Directory.GetFiles(from) : [])
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static async Task<int> ReportAsync(string folder, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
        {
            await Console.Out.WriteLineAsync($"The backup in {folder} is sound: every checksum matches, integrity_check is ok, the counts agree and every media file is there.");
            return 0;
        }
        await Console.Error.WriteLineAsync($"The backup in {folder} is not sound:");
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync("  " + problem);
        }
        return 1;
    }
}
