using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace AlmatyPortal.Web.Infrastructure.Localization;

public static class Cultures
{
    private static readonly Dictionary<string, CultureInfo> ByLanguage = new()
    {
        ["en"] = CultureInfo.GetCultureInfo("en-GB"),
        ["ru"] = CultureInfo.GetCultureInfo("ru-RU"),
    };

    // English is British English (day-first dates); any other supported language uses its own neutral culture ("kk").
    public static CultureInfo For(string language) =>
        ByLanguage.GetValueOrDefault(language) ?? (Languages.IsSupported(language) ? CultureInfo.GetCultureInfo(language) : ByLanguage[Languages.Default]);

    public static IReadOnlyList<CultureInfo> All => Languages.Supported.Select(For).ToList();

    /// <summary>"" for the default language, "/ru" for Russian.</summary>
    public static string Prefix(string language) => language == Languages.Default ? "" : "/" + language;

    /// <summary>The language a path names by its first segment; the default language when it names none.</summary>
    /// <remarks>Runs for every link on a page in another language, so it compares in place rather than building "/ru/".</remarks>
    public static string LanguageOf(PathString path)
    {
        var value = (path.Value ?? "").AsSpan();
        var supported = Languages.Supported;
        for (var i = 0; i < supported.Count; i++) // by index: a foreach over the interface would allocate its enumerator
        {
            var language = supported[i];
            if (language != Languages.Default && value.Length > language.Length && value[0] == '/' && value.Slice(1, language.Length).Equals(language, StringComparison.OrdinalIgnoreCase)
                && (value.Length == language.Length + 1 || value[language.Length + 1] == '/'))
            {
                return language;
            }
        }
        return Languages.Default;
    }

    /// <summary>The same path in another language: "/ru/news/x" ⇄ "/news/x".</summary>
    public static string Translate(string path, string toLanguage)
    {
        var from = LanguageOf(path);
        var bare = from == Languages.Default ? path : path[(from.Length + 1)..];
        bare = bare.Length == 0 ? "/" : bare;
        return toLanguage == Languages.Default ? bare : Prefix(toLanguage) + (bare == "/" ? "/" : bare);
    }

    // Files and /donate serve every language: the donate link already names its page (and so its language) in from=.
    private static readonly string[] LanguageNeutral = ["/media/", "/css/", "/js/", "/favicon", "/healthz", "/donate"];

    /// <summary>True for a site-relative path that is the same in every language (files, health, donate).</summary>
    public static bool IsLanguageNeutral(string path)
    {
        foreach (var neutral in LanguageNeutral)
        {
            if (path.StartsWith(neutral, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A site-relative address ("/admin/articles?x=1") kept in <paramref name="language"/>: "/ru/admin/articles?x=1".
    /// Addresses that already name a language, files, other sites and non-paths come back unchanged.
    /// </summary>
    public static string KeepLanguage(string address, string language)
    {
        if (language == Languages.Default || !address.StartsWith('/') || address.StartsWith("//", StringComparison.Ordinal)
            || address.StartsWith("/\\", StringComparison.Ordinal) || IsLanguageNeutral(address))
        {
            return address;
        }
        var split = address.IndexOfAny(['?', '#']);
        var path = split < 0 ? address : address[..split];
        return LanguageOf(path) != Languages.Default ? address : Translate(path, language) + (split < 0 ? "" : address[split..]);
    }

    /// <summary>The current request's content language ("en", "ru").</summary>
    public static string Language(this HttpContext context) =>
        context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.TwoLetterISOLanguageName is { } code && Languages.IsSupported(code)
            ? code
            : Languages.Default;
}
