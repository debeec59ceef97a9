using SkiaSharp;

namespace AlmatyPortal.Tests.Support;

/// <summary>Real image files made on the spot, for upload tests.</summary>
public static class Images
{
    public static byte[] Jpeg(int width = 2000, int height = 1200) => Make(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width = 300, int height = 200) => Make(width, height, SKEncodedImageFormat.Png);

    public static byte[] Webp(int width = 300, int height = 200) => Make(width, height, SKEncodedImageFormat.Webp);

    /// <summary>A JPEG with an EXIF block holding a camera serial and GPS-like text, as phones write them.</summary>
    public static byte[] JpegWithExif()
    {
        var jpeg = Jpeg(800, 600);
        var payload = System.Text.Encoding.ASCII.GetBytes("Exif\0\0SERIAL-12345 GPS 43.2389N 76.8897E");
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        segment[2] = (byte)((payload.Length + 2) >> 8);
        segment[3] = (byte)((payload.Length + 2) & 0xFF);
        payload.CopyTo(segment, 4);
        // After the SOI marker (FF D8).
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    private static byte[] Make(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0, 114, 188));
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
