using SkiaSharp;

namespace AlmatyPortal.Web.Features.Media;

/// <summary>
/// The SkiaSharp step of an upload: reads an image's real format and size from its bytes, decodes it, turns a phone
/// photo upright, and re-encodes it (dropping all metadata) at each width a page needs.
/// </summary>
public static class ImageRenditions
{
    /// <summary>Decodes and re-encodes an image at <paramref name="widths"/> (and its own width when smaller), or says why not.</summary>
    public static PreparedImage Prepare(byte[] bytes, long maxPixels, IReadOnlyList<int> widths)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            return PreparedImage.Refused("This file is not a JPEG, PNG or WebP image.");
        }
        if ((long)codec.Info.Width * codec.Info.Height > maxPixels)
        {
            return PreparedImage.Refused("The image is {0}×{1} pixels; the limit is {2} megapixels.", codec.Info.Width, codec.Info.Height,
                (maxPixels / 1_000_000.0).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture));
        }
        using var decoded = Decode(codec);
        if (decoded is null)
        {
            return PreparedImage.Refused("The image is broken or incomplete and cannot be read.");
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var opaque = upright.AlphaType == SKAlphaType.Opaque || codec.EncodedFormat == SKEncodedImageFormat.Jpeg;
        var chosen = widths.Where(w => w < upright.Width).Append(Math.Min(upright.Width, widths[^1])).Distinct().Order().ToList();
        var encoded = chosen.Select(w => Encode(upright, w, opaque)).ToList();
        var largestHeight = (int)Math.Round(upright.Height * (chosen[^1] / (double)upright.Width));
        return new PreparedImage(null, codec.EncodedFormat.ToString(), codec.Info.Width, codec.Info.Height, opaque, chosen, encoded, largestHeight);
    }

    private static SKBitmap? Decode(SKCodec codec)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success)
        {
            return bitmap;
        }
        bitmap.Dispose();
        return null;
    }

    // Phones store photos sideways with an orientation tag; the tag is dropped with the metadata, so the pixels are turned.
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(result);
        canvas.Translate(result.Width / 2f, result.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), null);
        return result;
    }

    private static byte[] Encode(SKBitmap source, int width, bool opaque)
    {
        var height = Math.Max(1, (int)Math.Round(source.Height * (width / (double)source.Width)));
        using var resized = width == source.Width ? source.Copy() : source.Resize(new SKImageInfo(width, height, source.ColorType, source.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(resized);
        using var encoded = opaque ? image.Encode(SKEncodedImageFormat.Jpeg, 82) : image.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }
}

/// <summary>An image ready to store (its renditions, widest last), or the reason it was refused as a resource key and its arguments.</summary>
public sealed record PreparedImage(
    (string Key, object[] Arguments)? Refusal, string Format, int SourceWidth, int SourceHeight, bool Opaque,
    IReadOnlyList<int> Widths, IReadOnlyList<byte[]> Encoded, int LargestHeight)
{
    public static PreparedImage Refused(string key, params object[] arguments) => new((key, arguments), "", 0, 0, false, [], [], 0);
}
