namespace AlmatyPortal.Web.Features.Media;

/// <summary>An image's alt text in one language other than the default.</summary>
public sealed class MediaAltText
{
    public int MediaAssetId { get; set; }
    public string Language { get; set; } = "";
    public string Text { get; set; } = "";
}
