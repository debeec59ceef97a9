using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>A conference as a line in a list.</summary>
public sealed record ConferenceSummary(string Slug, string Title, string Summary, DateOnly StartDate, DateOnly EndDate, string City, string? CountryName);

/// <summary>Everything the conference page shows.</summary>
public sealed record ConferenceView(
    int Id, Guid TranslationGroup, string Language, string Slug, string Title, string Summary, string BodyHtml,
    string City, string? CountryName, string? CountryIso, string? Venue, DateOnly StartDate, DateOnly EndDate,
    int? ParticipantCount, CountQualifier ParticipantCountQualifier, string? ParticipantLevel,
    string? FollowUpName, string? FollowUpDescription,
    IReadOnlyList<OrganisationInRole> Organisations, IReadOnlyList<SpeakerView> Speakers, IReadOnlyList<string> Countries,
    IReadOnlyList<string> Topics, IReadOnlyList<DocumentView> Documents, IReadOnlyList<ArticleSummary> Reports)
{
    /// <summary>Each language's published version (language → site path), this one included.</summary>
    public Dictionary<string, string> Translations { get; init; } = [];

    /// <summary>The parts another feature keeps (the process the meeting belongs to), as read, for that feature to read.</summary>
    public IReadOnlyList<ConferenceRecord.Part> Others { get; init; } = [];

    public IEnumerable<IGrouping<OrganisationRole, OrganisationInRole>> ByRole =>
        Organisations.GroupBy(o => o.Role).OrderBy(g => g.Key);
}

public sealed record OrganisationInRole(int Id, OrganisationRole Role, string Name, string? Acronym, string? Url);

public sealed record SpeakerView(string Name, string Title, string? Session);

public sealed record DocumentView(string Title, string Description, string? Url);

/// <summary>How each role reads as a heading on the conference page.</summary>
public static class OrganisationRoleNames
{
    public static string Heading(OrganisationRole role) => role switch
    {
        OrganisationRole.Organiser => "Organised by",
        OrganisationRole.InCooperationWith => "In cooperation with",
        OrganisationRole.SupportedBy => "Supported by",
        OrganisationRole.Host => "Hosted by",
        OrganisationRole.Funder => "Funded by",
        _ => role.ToString(),
    };
}

/// <summary>A conference record a news report links to.</summary>
public sealed record ConferenceLink(int Id, string Slug, string Title, DateOnly StartDate, DateOnly EndDate, string City);
