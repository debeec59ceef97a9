using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>The record of a regional conference: who met, where, when, about what, and what came of it.</summary>
public sealed class Conference : Publishing.ITranslatableRecord
{
    public int Id { get; set; }
    public string Language { get; set; } = "en";
    public Guid TranslationGroup { get; set; } = Guid.NewGuid();

    /// <summary>For a translation: the source record's version it was last brought in step with.</summary>
    public int? TranslatedFromVersion { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string City { get; set; } = "";
    public int? CountryId { get; set; }
    public Country? Country { get; set; }

    /// <summary>The building or hall, when known; the city and country stand alone otherwise.</summary>
    public string? Venue { get; set; }

    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }

    public int? ParticipantCount { get; set; }
    public CountQualifier ParticipantCountQualifier { get; set; }

    /// <summary>The level of the delegations, e.g. "mostly ministerial level".</summary>
    public string? ParticipantLevel { get; set; }

    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";

    /// <summary>The follow-up process the conference started, e.g. the "Almaty Process".</summary>
    public string? FollowUpName { get; set; }
    public string? FollowUpDescription { get; set; }

    public PublicationStatus Status { get; set; } = PublicationStatus.Draft;

    public List<ConferenceOrganisation> Organisations { get; set; } = [];
    public List<ConferenceSpeaker> Speakers { get; set; } = [];
    public List<ConferenceCountry> Countries { get; set; } = [];
    public List<ConferenceTopic> Topics { get; set; } = [];
    public List<OutcomeDocument> Documents { get; set; } = [];
    public List<Article> Articles { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>How exact a reported count is ("more than 100").</summary>
public enum CountQualifier
{
    Exact = 0,
    MoreThan = 1,
    About = 2,
}
