using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Support;

/// <summary>The addresses and facts of the seeded 17.03.2011 report and its conference record.</summary>
public static class Seed
{
    public const string ArticleSlug = "unhcr-convenes-regional-conference-on-refugee-protection-and-migration";
    public const string ArticleUrl = "/news/" + ArticleSlug;
    public const string ConferenceSlug = "refugee-protection-and-international-migration-almaty-2011";
    public const string ConferenceUrl = "/conferences/" + ConferenceSlug;

    public static readonly string[] ParticipatingCountries =
    [
        "Kazakhstan", "Turkmenistan", "Kyrgyzstan", "Tajikistan", "Afghanistan", "Iran", "Turkey", "Azerbaijan",
        "Russian Federation", "People's Republic of China",
    ];

    public const string RussianArticleSlug = "uvkb-oon-provelo-regionalnuyu-konferentsiyu";
    public const string RussianConferenceSlug = "regionalnaya-konferentsiya-almaty-2011";

    /// <summary>
    /// An admin address with the seed records' ids filled in, looked up by slug (ids depend on import order):
    /// {article}, {article-ru}, {conference} and {conference-ru}.
    /// </summary>
    public static async Task<string> AddressAsync(PortalFactory portal, string template)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }
        var ids = await portal.WithDbAsync(async db => new Dictionary<string, int>
        {
            ["{article}"] = await db.Articles.Where(a => a.Slug == ArticleSlug && a.Language == "en").Select(a => a.Id).SingleAsync(),
            ["{article-ru}"] = await db.Articles.Where(a => a.Slug == RussianArticleSlug && a.Language == "ru").Select(a => a.Id).SingleAsync(),
            ["{conference}"] = await db.Conferences.Where(c => c.Slug == ConferenceSlug && c.Language == "en").Select(c => c.Id).SingleAsync(),
            ["{conference-ru}"] = await db.Conferences.Where(c => c.Slug == RussianConferenceSlug && c.Language == "ru").Select(c => c.Id).SingleAsync(),
        });
        return ids.Aggregate(template, (address, id) => address.Replace(id.Key, id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    /// <summary>A section's id, looked up by its slug.</summary>
    public static Task<int> SectionIdAsync(PortalFactory portal, string slug = "news") =>
        portal.WithDbAsync(db => db.Sections.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());

    public const string Quotation =
        "Migration is not a new phenomenon in the region, but remains an important issue for governments. While the key " +
        "drivers of today's movements are economic benefits, forced displacement also continues to be a reality,";
}
