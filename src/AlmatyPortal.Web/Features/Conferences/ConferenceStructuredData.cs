using System.Globalization;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>A conference record as schema.org Event JSON-LD: dates, place, organisations by role, speakers, countries.</summary>
public static class ConferenceStructuredData
{
    /// <summary>
    /// The record as a schema.org Event; <paramref name="named"/> gives a reference name in the page's language, and
    /// <paramref name="superEvent"/> is the series (a process) the meeting belongs to, if any.
    /// </summary>
    public static string For(ConferenceView conference, SiteLinks links, Func<string, string> named, Dictionary<string, object?>? superEvent = null)
    {
        object[] By(params OrganisationRole[] roles) => conference.Organisations.Where(o => roles.Contains(o.Role))
            .Select(o => (object)StructuredData.Organization(named(o.Name), o.Url, o.Acronym is null ? null : named(o.Acronym))).ToArray();
        return StructuredData.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = conference.Title,
            ["description"] = StructuredData.NullIfEmpty(conference.Summary),
            ["url"] = links.Absolute(Cultures.Prefix(conference.Language) + SitePaths.Conference(conference.Slug)),
            ["inLanguage"] = conference.Language,
            ["startDate"] = conference.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endDate"] = conference.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["eventStatus"] = "https://schema.org/EventScheduled",
            ["superEvent"] = superEvent,
            ["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode",
            ["location"] = new Dictionary<string, object?>
            {
                ["@type"] = "Place",
                ["name"] = conference.Venue ?? conference.City,
                ["address"] = new Dictionary<string, object?>
                {
                    ["@type"] = "PostalAddress",
                    ["addressLocality"] = conference.City,
                    ["addressCountry"] = conference.CountryIso ?? (conference.CountryName is null ? null : named(conference.CountryName)),
                },
            },
            ["organizer"] = StructuredData.NullIfEmpty(By(OrganisationRole.Organiser, OrganisationRole.Host)),
            ["sponsor"] = StructuredData.NullIfEmpty(By(OrganisationRole.SupportedBy, OrganisationRole.InCooperationWith)),
            ["funder"] = StructuredData.NullIfEmpty(By(OrganisationRole.Funder)),
            ["performer"] = conference.Speakers.Count == 0 ? null
                : conference.Speakers.Select(s => new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = named(s.Name), ["jobTitle"] = s.Title }).ToArray(),
            ["audience"] = conference.Countries.Count == 0 ? null : new Dictionary<string, object?>
            {
                ["@type"] = "Audience",
                ["audienceType"] = conference.ParticipantLevel,
                ["geographicArea"] = conference.Countries.Select(c => new Dictionary<string, object?> { ["@type"] = "Country", ["name"] = named(c) }).ToArray(),
            },
        });
    }
}
