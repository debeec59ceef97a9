using System.ComponentModel.DataAnnotations;

namespace AlmatyPortal.Web.Features.Processes;

/// <summary>What the process editor form posts: the record in its language, and the meetings and news that make up its timeline.</summary>
public sealed class ProcessInput
{
    public int? Id { get; set; }
    public int Version { get; set; }

    /// <summary>The language of a new record; an existing one keeps its own.</summary>
    [Display(Name = "Language")]
    public string Language { get; set; } = Infrastructure.Localization.Languages.Default;

    [Required(ErrorMessage = "Enter a name."), StringLength(200), Display(Name = "Name")]
    public string Name { get; set; } = "";

    [StringLength(120), Display(Name = "Slug")]
    public string? Slug { get; set; }

    [StringLength(600), Display(Name = "Summary")]
    public string? Summary { get; set; }

    [StringLength(100_000), Display(Name = "Description")]
    public string? Body { get; set; }

    /// <summary>The conference that started the process, by record id (any language version).</summary>
    [Display(Name = "Founding conference")]
    public int? FoundingConference { get; set; }

    [Display(Name = "Follow-up meetings")]
    public List<int> FollowUpConferences { get; set; } = [];

    /// <summary>News about the process besides the reports on its meetings, which appear on their own.</summary>
    [Display(Name = "News about it")]
    public List<int> Articles { get; set; } = [];
}
