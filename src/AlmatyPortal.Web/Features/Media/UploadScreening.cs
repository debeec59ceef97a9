using System.Text;

namespace AlmatyPortal.Web.Features.Media;

/// <summary>
/// What an upload is before any decoder sees it: read up to the limit, and refused when it is a program, a script,
/// a page or SVG, or an image with something else hidden in it.
/// </summary>
public static class UploadScreening
{
    private static readonly string[] ForeignMarkers = ["<script", "<html", "<svg", "<?php", "<!doctype", "<iframe", "<body"];

    /// <summary>Why a file that is not a PDF must be refused before any decoder sees it, or null. In English: the text is a resource key.</summary>
    public static string? Refusal(byte[] bytes)
    {
        if (StartsWith(bytes, "MZ") || StartsWith(bytes, "\u007fELF") || StartsWith(bytes, "#!"))
        {
            return "Programs and scripts are not accepted.";
        }
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith('<'))
        {
            return head.Contains("<svg", StringComparison.OrdinalIgnoreCase)
                ? "SVG images are not accepted: they can carry scripts. Upload a PNG instead."
                : "HTML and XML files are not accepted.";
        }
        // An image with a page or an archive hidden in it (a polyglot) is refused, even though re-encoding would drop it.
        var text = Encoding.Latin1.GetString(bytes);
        if (ForeignMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)) || text.Contains("PK\u0003\u0004\u0014\u0000", StringComparison.Ordinal))
        {
            return "The file holds other content besides an image, so it is not accepted.";
        }
        return null;
    }

    public static bool StartsWith(byte[] bytes, string ascii) =>
        bytes.Length >= ascii.Length && bytes.AsSpan(0, ascii.Length).SequenceEqual(Encoding.Latin1.GetBytes(ascii));

    public static async Task<byte[]> ReadAtMostAsync(Stream content, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length >= max)
            {
                break;
            }
        }
        return buffer.ToArray();
    }
}
