using System.ComponentModel.DataAnnotations;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>What the conference editor form posts: every field of a conference record.</summary>
public sealed class ConferenceInput
{
    public int? Id { get; set; }
    public int Version { get; set; }

    /// <summary>The language of a new record; an existing one keeps its own.</summary>
    [Display(Name = "Language")]
    public string Language { get; set; } = Infrastructure.Localization.Languages.Default;

    [Required(ErrorMessage = "Enter a title."), StringLength(200), Display(Name = "Title")]
    public string Title { get; set; } = "";

    [StringLength(120), Display(Name = "Slug")]
    public string? Slug { get; set; }

    [StringLength(600), Display(Name = "Summary")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Enter the city."), StringLength(100), Display(Name = "City")]
    public string City { get; set; } = "";

    [Display(Name = "Host country")]
    public int? CountryId { get; set; }

    [StringLength(200), Display(Name = "Venue")]
    public string? Venue { get; set; }

    [Required(ErrorMessage = "Enter the first day."), Display(Name = "First day")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Last day")]
    public DateOnly? EndDate { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Enter a number of participants, or leave it empty."), Display(Name = "Participants")]
    public int? ParticipantCount { get; set; }

    [Display(Name = "The number is")]
    public CountQualifier ParticipantCountQualifier { get; set; }

    [StringLength(200), Display(Name = "Level of delegations")]
    public string? ParticipantLevel { get; set; }

    [StringLength(100_000), Display(Name = "Description")]
    public string? Body { get; set; }

    [Display(Name = "Organised by")]
    public List<int> Organisers { get; set; } = [];

    [Display(Name = "In cooperation with")]
    public List<int> InCooperationWith { get; set; } = [];

    [Display(Name = "Supported by")]
    public List<int> SupportedBy { get; set; } = [];

    [Display(Name = "Hosted by")]
    public List<int> Hosts { get; set; } = [];

    [Display(Name = "Funded by")]
    public List<int> Funders { get; set; } = [];

    /// <summary>One speaker a line: "Name | title | session".</summary>
    [StringLength(10_000), Display(Name = "Speakers")]
    public string? Speakers { get; set; }

    [Display(Name = "Participating countries")]
    public List<int> Countries { get; set; } = [];

    /// <summary>One topic a line.</summary>
    [StringLength(10_000), Display(Name = "Topics")]
    public string? Topics { get; set; }

    /// <summary>One document a line: "Title | description | address".</summary>
    [StringLength(20_000), Display(Name = "Outcome documents")]
    public string? Documents { get; set; }

    [StringLength(200), Display(Name = "Follow-up process")]
    public string? FollowUpName { get; set; }

    [StringLength(2000), Display(Name = "About the follow-up")]
    public string? FollowUpDescription { get; set; }

    [Display(Name = "News reports on it")]
    public List<int> Articles { get; set; } = [];

    public IEnumerable<(OrganisationRole Role, List<int> Ids)> Roles() =>
    [
        (OrganisationRole.Organiser, Organisers), (OrganisationRole.InCooperationWith, InCooperationWith),
        (OrganisationRole.SupportedBy, SupportedBy), (OrganisationRole.Host, Hosts), (OrganisationRole.Funder, Funders),
    ];

    /// <summary>Splits "a | b | c" lines into trimmed fields, skipping blank lines.</summary>
    public static IEnumerable<string[]> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l.Split('|').Select(p => p.Trim()).ToArray());
}
