
namespace AlmatyPortal.Web.Features.Media;

/// <summary>An image in the media library, stored under Portal:DataPath, with the rights information it is published with.</summary>
public sealed class MediaAsset
{
    public int Id { get; set; }

    /// <summary>Stable name staff and content/ know the image by (the content file's name without extension).</summary>
    public string Name { get; set; } = "";

    /// <summary>Server-made file name under the media folder; also the public URL's last segment.</summary>
    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>Describes the image for readers who cannot see it; empty only when <see cref="IsDecorative"/>.</summary>
    public string AltText { get; set; } = "";

    public bool IsDecorative { get; set; }

    /// <summary>The alt text in the other languages; pages in a language without one fall back to <see cref="AltText"/> (the default language).</summary>
    public List<MediaAltText> AltTranslations { get; set; } = [];

    /// <summary>The credit line printed with the image, such as "© UNHCR".</summary>
    public string Credit { get; set; } = "";

    /// <summary>The resized copies as "width=file" pairs, e.g. "480=a-480-1f2e.jpg;960=a-960-9c1d.jpg"; empty when only one file is kept.</summary>
    public string Variants { get; set; } = "";

    /// <summary>The size of the stored file(s) in bytes, for the library list.</summary>
    public long Bytes { get; set; }

    public string? Photographer { get; set; }
    public string? Licence { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The alt text a page in <paramref name="language"/> shows, and the language it is written in.</summary>
    public (string Text, string Language) AltFor(string language) =>
        AltTranslations.FirstOrDefault(t => t.Language == language) is { } translated ? (translated.Text, language) : (AltText, Infrastructure.Localization.Languages.Default);

    /// <summary>The file names of the resized copies.</summary>
    public static IEnumerable<string> VariantFiles(string variants) =>
        variants.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=')).Where(p => p.Length == 2).Select(p => p[1]);

    /// <summary>The srcset value for the resized copies, or empty.</summary>
    public static string SrcSet(string variants) => string.Join(", ",
        variants.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=')).Where(p => p.Length == 2)
            .Select(p => $"/media/{p[1]} {p[0]}w"));
}
