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

    /// <summary>The credit line printed with the image, such as "© UNHCR".</summary>
    public string Credit { get; set; } = "";

    public string? Photographer { get; set; }
    public string? Licence { get; set; }
    public DateTime CreatedAt { get; set; }
}
