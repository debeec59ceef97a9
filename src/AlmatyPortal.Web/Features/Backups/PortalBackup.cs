using System.Security.Cryptography;
using System.Text.Json;
using AlmatyPortal.Web.Features.Media;
using Microsoft.Data.Sqlite;

namespace AlmatyPortal.Web.Features.Backups;

/// <summary>
/// An online, consistent copy of a portal: the database as one snapshot (SQLite's VACUUM INTO, while editors keep
/// saving), the media files its rows name, the data-protection keys (so cookies and tokens survive a restore), and a
/// manifest of row counts and file checksums, written last, so a folder with a manifest is a whole backup.
/// </summary>
public sealed class PortalBackup(PortalDbContext db, PortalPaths paths, TimeProvider clock)
{
    public const string ManifestName = "manifest.json";
    public const string DatabaseName = "portal.db";

    /// <summary>The tables whose row counts the manifest records and a verify compares.</summary>
    public static readonly string[] CountedTables =
        ["Articles", "ArticleRevisions", "Conferences", "Media", "Sections", "Tags", "AspNetUsers", "AspNetUserRoles", "AuditEntries", "DonationClicks"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<BackupManifest> CreateAsync(string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, DatabaseName);
        // One read transaction: every write acknowledged before this statement began is in the copy.
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {database}", ct);

        var (counts, mediaFiles) = await ReadSnapshotAsync(database, ct);
        var media = Directory.CreateDirectory(Path.Combine(folder, "media"));
        foreach (var name in mediaFiles)
        {
            // A row may have committed a moment before its file left its pending name.
            var source = Path.Combine(paths.MediaPath, name);
            var pending = Directory.Exists(paths.MediaPath) ? Directory.GetFiles(paths.MediaPath, name + ".*" + MediaStore.PendingSuffix).FirstOrDefault() : null;
            var from = File.Exists(source) ? source : pending;
            if (from is not null)
            {
                File.Copy(from, Path.Combine(media.FullName, name), overwrite: true);
            }
        }
        var keys = Directory.CreateDirectory(Path.Combine(folder, "keys"));
        foreach (var key in Directory.Exists(paths.KeysPath) ? Directory.GetFiles(paths.KeysPath, "*.xml") : [])
        {
            File.Copy(key, Path.Combine(keys.FullName, Path.GetFileName(key)), overwrite: true);
        }

        var manifest = new BackupManifest(1, clock.GetUtcNow().UtcDateTime, counts,
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) != ManifestName)
                .Select(f => Describe(folder, f)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList());
        await DurableFile.WriteTextAsync(Path.Combine(folder, ManifestName), JsonSerializer.Serialize(manifest, Json), ct);
        return manifest;
    }

    /// <summary>Everything wrong with a backup folder; empty when it is whole and sound.</summary>
    public static async Task<IReadOnlyList<string>> VerifyAsync(string folder, CancellationToken ct)
    {
        var problems = new List<string>();
        var manifestPath = Path.Combine(folder, ManifestName);
        if (!File.Exists(manifestPath))
        {
            return [$"{folder} has no {ManifestName}: it is not a backup, or the backup did not finish."];
        }
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct));
        }
        catch (JsonException e)
        {
            return [$"{ManifestName} cannot be read: {e.Message}"];
        }
        if (manifest is null)
        {
            return [$"{ManifestName} is empty."];
        }
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(folder, file.Path);
            if (!File.Exists(path))
            {
                problems.Add($"{file.Path} is missing.");
            }
            else if (Describe(folder, path) != file)
            {
                problems.Add($"{file.Path} does not match its checksum: it changed or is damaged.");
            }
        }
        var database = Path.Combine(folder, DatabaseName);
        if (!File.Exists(database))
        {
            problems.Add($"{DatabaseName} is missing.");
            return problems;
        }
        await using var connection = Open(database);
        var integrity = await ScalarAsync(connection, "PRAGMA integrity_check", ct);
        if (integrity != "ok")
        {
            problems.Add($"The database fails SQLite's integrity_check: {integrity}");
        }
        var (counts, mediaFiles) = await ReadAsync(connection, ct);
        foreach (var (table, count) in manifest.Counts)
        {
            if (counts.GetValueOrDefault(table) != count)
            {
                problems.Add($"{table} holds {counts.GetValueOrDefault(table)} rows; the manifest says {count}.");
            }
        }
        problems.AddRange(mediaFiles.Where(f => !File.Exists(Path.Combine(folder, "media", f))).Select(f => $"media/{f} is named by an item but missing."));
        return problems;
    }

    private static async Task<(Dictionary<string, long> Counts, List<string> MediaFiles)> ReadSnapshotAsync(string database, CancellationToken ct)
    {
        await using var connection = Open(database);
        return await ReadAsync(connection, ct);
    }

    private static async Task<(Dictionary<string, long> Counts, List<string> MediaFiles)> ReadAsync(SqliteConnection connection, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in CountedTables)
        {
            counts[table] = long.Parse(await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\"", ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        var files = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"FileName\", \"Variants\" FROM \"Media\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            files.Add(reader.GetString(0));
            files.AddRange(MediaAsset.VariantFiles(reader.GetString(1)));
        }
        return (counts, files.Distinct(StringComparer.Ordinal).ToList());
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static BackupFile Describe(string folder, string path)
    {
        using var stream = File.OpenRead(path);
        return new BackupFile(Path.GetRelativePath(folder, path).Replace('\\', '/'), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}

/// <summary>What a backup holds: when it was made, how many rows each table had, and every file with its checksum.</summary>
public sealed record BackupManifest(int Format, DateTime CreatedUtc, IReadOnlyDictionary<string, long> Counts, IReadOnlyList<BackupFile> Files);

/// <summary>One file of a backup, by its path inside the backup folder.</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256);
