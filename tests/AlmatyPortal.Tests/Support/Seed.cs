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

    public const string Quotation =
        "Migration is not a new phenomenon in the region, but remains an important issue for governments. While the key " +
        "drivers of today's movements are economic benefits, forced displacement also continues to be a reality,";
}
