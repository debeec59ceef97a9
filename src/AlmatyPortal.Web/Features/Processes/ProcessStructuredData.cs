using System.Globalization;

namespace AlmatyPortal.Web.Features.Processes;

/// <summary>A process as schema.org EventSeries JSON-LD, its meetings as the series' events.</summary>
public static class ProcessStructuredData
{
    public static string For(ProcessView process, SiteLinks links, Func<string, string> named)
    {
        var prefix = Cultures.Prefix(process.Language);
        static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var meetings = process.Meetings.ToList();
        return StructuredData.Serialize(new JsonRecord(8)
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "EventSeries",
            ["name"] = process.Name,
            ["description"] = StructuredData.NullIfEmpty(process.Summary),
            ["url"] = links.Absolute(prefix + SitePaths.Process(process.Slug)),
            ["inLanguage"] = process.Language,
            ["startDate"] = meetings.Count == 0 ? null : Day(meetings.Min(m => m.Date)),
            ["subEvent"] = meetings.Count == 0 ? null : meetings.Select(m => new JsonRecord(7)
            {
                ["@type"] = "Event",
                ["name"] = m.Title,
                ["url"] = links.Absolute(m.AddressIn()!),
                ["startDate"] = Day(m.Date),
                ["endDate"] = Day(m.EndDate ?? m.Date),
                ["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode",
                ["location"] = new JsonRecord
                {
                    ["@type"] = "Place",
                    ["name"] = m.City,
                    ["address"] = new JsonRecord
                    {
                        ["@type"] = "PostalAddress",
                        ["addressLocality"] = m.City,
                        ["addressCountry"] = m.CountryName is null ? null : named(m.CountryName),
                    },
                },
            }).ToArray(),
        });
    }

    /// <summary>The series a conference belongs to, as its JSON-LD superEvent.</summary>
    public static JsonRecord SuperEvent(ProcessLink process, string language, SiteLinks links) => new()
    {
        ["@type"] = "EventSeries",
        ["name"] = process.Name,
        ["url"] = links.Absolute(Cultures.Prefix(language) + SitePaths.Process(process.Slug)),
    };
}
