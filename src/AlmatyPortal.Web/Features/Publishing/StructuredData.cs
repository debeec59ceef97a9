using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Infrastructure;

namespace AlmatyPortal.Web.Features.Publishing;

/// <summary>
/// Schema.org JSON-LD, produced by serialization only. The encoder escapes &lt;, &gt; and &amp;, so no text can close
/// the script element it is written into.
/// </summary>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string NewsArticle(ArticleView article, string siteName, SiteLinks links, OfficeClock clock) => Serialize(new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "NewsArticle",
        ["headline"] = article.Title,
        ["description"] = NullIfEmpty(article.Summary),
        ["datePublished"] = clock.IsoLocal(article.PublishAt),
        ["dateModified"] = clock.IsoLocal(article.UpdatedAt > article.PublishAt ? article.UpdatedAt : article.PublishAt),
        ["mainEntityOfPage"] = links.Absolute($"{Cultures.Prefix(article.Language)}/news/{article.Slug}"),
        ["url"] = links.Absolute($"{Cultures.Prefix(article.Language)}/news/{article.Slug}"),
        ["inLanguage"] = article.Language,
        ["keywords"] = article.Tags.Count == 0 ? null : article.Tags.Select(t => t.Name).ToArray(),
        ["author"] = Organization(siteName, links.Absolute("/")),
        ["publisher"] = Organization(siteName, links.Absolute("/")),
        ["image"] = article.Image is not { } image ? null : new Dictionary<string, object?>
        {
            ["@type"] = "ImageObject",
            ["url"] = links.Absolute(image.Url),
            ["width"] = image.Width,
            ["height"] = image.Height,
            ["caption"] = NullIfEmpty(image.AltText),
            ["creditText"] = image.Credit,
            ["copyrightNotice"] = image.Credit,
            ["creator"] = image.Photographer is null ? null : new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = image.Photographer },
            ["license"] = image.Licence,
        },
    });

    /// <summary>The record as a schema.org Event; <paramref name="named"/> gives a reference name in the page's language.</summary>
    public static string Event(ConferenceView conference, SiteLinks links, Func<string, string> named)
    {
        object[] By(params OrganisationRole[] roles) => conference.Organisations.Where(o => roles.Contains(o.Role))
            .Select(o => (object)Organization(named(o.Name), o.Url, o.Acronym is null ? null : named(o.Acronym))).ToArray();
        return Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = conference.Title,
            ["description"] = NullIfEmpty(conference.Summary),
            ["url"] = links.Absolute($"{Cultures.Prefix(conference.Language)}/conferences/{conference.Slug}"),
            ["inLanguage"] = conference.Language,
            ["startDate"] = conference.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endDate"] = conference.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["eventStatus"] = "https://schema.org/EventScheduled",
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
            ["organizer"] = NullIfEmpty(By(OrganisationRole.Organiser, OrganisationRole.Host)),
            ["sponsor"] = NullIfEmpty(By(OrganisationRole.SupportedBy, OrganisationRole.InCooperationWith)),
            ["funder"] = NullIfEmpty(By(OrganisationRole.Funder)),
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

    public static string Breadcrumbs(IReadOnlyList<(string Name, string Path)> trail, SiteLinks links) => Serialize(new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = trail.Select((crumb, i) => new Dictionary<string, object?>
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["name"] = crumb.Name,
            ["item"] = links.Absolute(crumb.Path),
        }).ToArray(),
    });

    private static Dictionary<string, object?> Organization(string name, string? url, string? acronym = null) => new()
    {
        ["@type"] = "Organization",
        ["name"] = name,
        ["alternateName"] = acronym,
        ["url"] = url,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static object[]? NullIfEmpty(object[] values) => values.Length == 0 ? null : values;

    private static string Serialize(Dictionary<string, object?> value) => JsonSerializer.Serialize(value, Options);
}
