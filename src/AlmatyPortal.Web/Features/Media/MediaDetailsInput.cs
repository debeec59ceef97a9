using System.ComponentModel.DataAnnotations;

namespace AlmatyPortal.Web.Features.Media;

/// <summary>The rights and description fields of the upload forms (media library and article editor).</summary>
public sealed class MediaDetailsInput
{
    [Display(Name = "Alt text"), StringLength(500)]
    public string? AltText { get; set; }

    [Display(Name = "Decorative (no alt text needed)")]
    public bool IsDecorative { get; set; }

    [Display(Name = "Credit"), StringLength(200)]
    public string? Credit { get; set; }

    [Display(Name = "Photographer"), StringLength(200)]
    public string? Photographer { get; set; }

    [Display(Name = "Licence"), StringLength(200)]
    public string? Licence { get; set; }

    public MediaDetails ToDetails() => new(AltText, IsDecorative, Credit, Photographer, Licence);
}
