using System.ComponentModel.DataAnnotations;

namespace AlmatyPortal.Web.Features.Media;

/// <summary>The rights and description fields of the upload forms (media library and article editor).</summary>
public sealed class MediaDetailsInput
{
    public const int MaxAltLength = 500;

    [Display(Name = "Alt text"), StringLength(MaxAltLength)]
    public string? AltText { get; set; }

    [Display(Name = "Decorative (no alt text needed)")]
    public bool IsDecorative { get; set; }

    [Display(Name = "Credit"), StringLength(200)]
    public string? Credit { get; set; }

    [Display(Name = "Photographer"), StringLength(200)]
    public string? Photographer { get; set; }

    [Display(Name = "Licence"), StringLength(200)]
    public string? Licence { get; set; }

    /// <summary>The alt text in the other languages, by language code.</summary>
    public Dictionary<string, string?> AltIn { get; set; } = [];

    public MediaDetails ToDetails() => new(AltText, IsDecorative, Credit, Photographer, Licence, AltIn);
}
