
namespace AlmatyPortal.Web.Features.Publishing;

/// <summary>
/// The site's public addresses, in one place. Each is the default language's path; a page under another language
/// gets its prefix from <c>Html.KeepLanguage</c> (links and forms on public pages), the language tag helper (staff pages) or <see cref="Infrastructure.Localization.Cultures.Prefix"/> (absolute addresses).
/// </summary>
public static class SitePaths
{
    public const string Home = "/";
    public const string News = "/news";
    public const string Conferences = "/conferences";
    public const string Archive = "/news/archive";
    public const string Search = "/search";
    public const string Processes = "/processes";

    public static string Article(string slug) => $"/news/{slug}";
    public static string Conference(string slug) => $"/conferences/{slug}";
    public static string ConferenceCalendar(string slug) => $"/conferences/{slug}.ics";
    public static string Process(string slug) => $"/processes/{slug}";
    public static string ProcessFeed(string slug) => $"/feeds/processes/{slug}";
    public static string Section(string slug) => $"/sections/{slug}";
    public static string Tag(string slug) => $"/tags/{slug}";
    public static string Media(string fileName) => $"/media/{fileName}";
    public static string SectionFeed(string slug) => $"/feeds/sections/{slug}";
    public static string TagFeed(string slug) => $"/feeds/tags/{slug}";
    public static string ArchiveOf(int year, int? month = null) => month is { } m ? $"{Archive}/{year}/{m}" : $"{Archive}/{year}";

    /// <summary>A path in a language: the default language's path, prefixed for any other language.</summary>
    public static string In(string language, string path) => Infrastructure.Localization.Cultures.Prefix(language) + path;
}
