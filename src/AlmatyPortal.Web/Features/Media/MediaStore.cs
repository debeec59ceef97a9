using System.Security.Cryptography;
using AlmatyPortal.Web.Infrastructure;
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
}

/// <summary>What the bytes of an image say it is.</summary>
public sealed record ImageFacts(string ContentType, string Extension, int Width, int Height);
