using System.Security.Cryptography;
using SkiaSharp;

namespace AlmatyPortal.Web.Features.Media;

/// <summary>Keeps image files under Portal:DataPath/media with server-made, content-addressed names.</summary>
public sealed class MediaStore(PortalPaths paths)
{
    public string Folder => paths.MediaPath;

    /// <summary>Reads an image's real type and size from its bytes; null when it is not a JPEG, PNG or WebP.</summary>
    public static ImageFacts? Inspect(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }
        var (contentType, extension) = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => ("image/jpeg", ".jpg"),
            SKEncodedImageFormat.Png => ("image/png", ".png"),
            SKEncodedImageFormat.Webp => ("image/webp", ".webp"),
            _ => (null, null),
        };
        return contentType is null ? null : new ImageFacts(contentType, extension!, codec.Info.Width, codec.Info.Height);
    }

    /// <summary>Stores bytes as "name-hash.ext" (durably: temp file, flush, rename) and returns the file name.</summary>
    public async Task<string> SaveAsync(string name, string extension, byte[] bytes, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var fileName = $"{name}-{hash}{extension}";
        var target = Path.Combine(Folder, fileName);
        if (File.Exists(target))
        {
            return fileName;
        }
        Directory.CreateDirectory(Folder);
        await DurableFile.WriteAsync(target, bytes, ct);
        return fileName;
    }

    public string PathOf(string fileName) => Path.Combine(Folder, Path.GetFileName(fileName));

    /// <summary>The ending of a file that is written but not yet published; such files are never served.</summary>
    public const string PendingSuffix = ".pending";

    /// <summary>
    /// Writes bytes durably under a pending name beside their final "name-hash.ext". Publish them after the row that
    /// names them has committed; a crash in between is completed or cleaned up by <see cref="SweepAsync"/>.
    /// </summary>
    public async Task<StagedFile> StageAsync(string name, string extension, byte[] bytes, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var fileName = $"{name}-{hash}{extension}";
        if (File.Exists(PathOf(fileName)))
        {
            return new StagedFile(fileName, null);
        }
        Directory.CreateDirectory(Folder);
        var pending = PathOf(fileName) + "." + Guid.NewGuid().ToString("N")[..8] + PendingSuffix;
        await DurableFile.WriteInPlaceAsync(pending, bytes, ct);
        return new StagedFile(fileName, pending);
    }

    /// <summary>Moves staged files to their final names, once the rows naming them have committed.</summary>
    public void Publish(IEnumerable<StagedFile> files)
    {
        foreach (var file in files.Where(f => f.PendingPath is not null))
        {
            File.Move(file.PendingPath!, PathOf(file.FileName), overwrite: true);
        }
    }

    /// <summary>Deletes staged files whose rows were never written.</summary>
    public static void Discard(IEnumerable<StagedFile> files)
    {
        foreach (var file in files.Where(f => f.PendingPath is not null))
        {
            File.Delete(file.PendingPath!);
        }
    }

    /// <summary>
    /// Finishes what a crash interrupted: a pending file whose row committed is published, any other pending file and
    /// any file that no row names are deleted. Files younger than <paramref name="olderThan"/> are left alone, so a
    /// sweep beside running uploads does not take their files.
    /// </summary>
    public Task<MediaSweep> SweepAsync(IReadOnlySet<string> referenced, TimeSpan olderThan, DateTime nowUtc)
    {
        var published = 0;
        var deleted = new List<string>();
        if (!Directory.Exists(Folder))
        {
            return Task.FromResult(new MediaSweep(0, deleted));
        }
        foreach (var path in Directory.EnumerateFiles(Folder))
        {
            if (nowUtc - File.GetLastWriteTimeUtc(path) < olderThan)
            {
                continue;
            }
            var name = Path.GetFileName(path);
            if (name.EndsWith(PendingSuffix, StringComparison.Ordinal))
            {
                // "final.ext.abcd1234.pending": the final name is what precedes the random part.
                var final = name[..name.LastIndexOf('.', name.Length - PendingSuffix.Length - 1)];
                if (referenced.Contains(final) && !File.Exists(PathOf(final)))
                {
                    File.Move(path, PathOf(final));
                    published++;
                    continue;
                }
                File.Delete(path);
                deleted.Add(name);
            }
            else if (!referenced.Contains(name))
            {
                File.Delete(path);
                deleted.Add(name);
            }
        }
        return Task.FromResult(new MediaSweep(published, deleted));
    }
}

/// <summary>A file written under a pending name (or already present, when <see cref="PendingPath"/> is null).</summary>
public sealed record StagedFile(string FileName, string? PendingPath);

/// <summary>What a media sweep did: pending files it published and files it deleted.</summary>
public sealed record MediaSweep(int Published, IReadOnlyList<string> Deleted);

/// <summary>What the bytes of an image say it is.</summary>
public sealed record ImageFacts(string ContentType, string Extension, int Width, int Height);
