using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// The language of a request comes from its URL alone: English at the root, other languages under their prefix
/// (/ru/…). Caches and search engines therefore see one language per URL. A third language needs only an entry in
/// <see cref="Languages.Supported"/>, resource files and content.
/// </summary>
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
    public static string LanguageOf(PathString path)
    {
        var value = path.Value ?? "";
        foreach (var language in Languages.Supported.Where(l => l != Languages.Default))
        {
            if (value.Equals("/" + language, StringComparison.OrdinalIgnoreCase) || value.StartsWith("/" + language + "/", StringComparison.OrdinalIgnoreCase))
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
    public static bool IsLanguageNeutral(string path) => LanguageNeutral.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase));

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

/// <summary>Reads the culture from the URL prefix; a re-executed status or error page keeps the language of the page that failed.</summary>
internal sealed class PathCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? httpContext.Request.Path.Value;
        var culture = Cultures.For(Cultures.LanguageOf(path)).Name;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture, culture));
    }
}

/// <summary>
/// Gives every page a second route under each other language's prefix: /news/{slug} and /ru/news/{slug},
/// /admin/articles and /ru/admin/articles. Links are generated for the default route; see <see cref="LanguageRedirects"/>.
/// </summary>
internal sealed class CulturePrefixConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors.ToList())
        {
            var template = selector.AttributeRouteModel?.Template?.TrimStart('/') ?? "";
            foreach (var language in Languages.Supported.Where(l => l != Languages.Default))
            {
                model.Selectors.Add(new SelectorModel
                {
                    AttributeRouteModel = new AttributeRouteModel
                    {
                        Template = AttributeRouteModel.CombineTemplates(language, template),
                        SuppressLinkGeneration = true,
                    },
                });
            }
        }
    }
}

/// <summary>
/// A redirect answered to a page under /ru stays under /ru: after saving, signing in or signing out, the editor
/// keeps the language they were working in. Covers the pages' own redirects and the sign-in cookie's.
/// </summary>
internal static class LanguageRedirects
{
    public static IApplicationBuilder UseLanguageRedirects(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var language = context.Language();
        if (language != Languages.Default)
        {
            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                if (response.StatusCode is >= 300 and < 400 && response.Headers.Location.ToString() is { Length: > 0 } location)
                {
                    response.Headers.Location = Kept(location, context.Request, language);
                }
                return Task.CompletedTask;
            });
        }
        return next(context);
    });

    private static string Kept(string location, HttpRequest request, string language)
    {
        // The sign-in cookie redirects to an absolute address on this host.
        var origin = $"{request.Scheme}://{request.Host}";
        if (location.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase))
        {
            return origin + Cultures.KeepLanguage(location[origin.Length..], language);
        }
        return Cultures.KeepLanguage(location, language);
    }
}
