using System.Globalization;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>A conference record as schema.org Event JSON-LD: dates, place, organisations by role, speakers, countries.</summary>
public static class ConferenceStructuredData
{
    /// <summary>
    /// The record as a schema.org Event; <paramref name="named"/> gives a reference name in the page's language, and
    /// <paramref name="superEvent"/> is the series (a process) the meeting belongs to, if any.
    /// </summary>
    public static string For(ConferenceView conference, SiteLinks links, Func<string, string> named, JsonRecord? superEvent = null)
    {
        // Each organisation once, into the list of its schema.org property, in the record's order.
        List<object>? organizers = null, sponsors = null, funders = null;
        foreach (var o in conference.Organisations)
        {
            var list = o.Role switch
            {
                OrganisationRole.Organiser or OrganisationRole.Host => organizers ??= [],
                OrganisationRole.SupportedBy or OrganisationRole.InCooperationWith => sponsors ??= [],
                OrganisationRole.Funder => funders ??= [],
                _ => null,
            };
            list?.Add(StructuredData.Organization(named(o.Name), o.Url, o.Acronym is null ? null : named(o.Acronym)));
        }
        return StructuredData.Serialize(new JsonRecord(19)
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
            ["location"] = new JsonRecord
            {
                ["@type"] = "Place",
                ["name"] = conference.Venue ?? conference.City,
                ["address"] = new JsonRecord
                {
                    ["@type"] = "PostalAddress",
                    ["addressLocality"] = conference.City,
                    ["addressCountry"] = conference.CountryIso ?? (conference.CountryName is null ? null : named(conference.CountryName)),
                },
            },
            ["organizer"] = organizers,
            ["sponsor"] = sponsors,
            ["funder"] = funders,
            ["performer"] = conference.Speakers.Count == 0 ? null
                : conference.Speakers.Select(s => new JsonRecord(3) { ["@type"] = "Person", ["name"] = named(s.Name), ["jobTitle"] = s.Title }).ToArray(),
            ["audience"] = conference.Countries.Count == 0 ? null : new JsonRecord(3)
            {
                ["@type"] = "Audience",
                ["audienceType"] = conference.ParticipantLevel,
                ["geographicArea"] = conference.Countries.Select(c => new JsonRecord(2) { ["@type"] = "Country", ["name"] = named(c) }).ToArray(),
            },
        });
    }
}
