using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// The language of a request comes from its URL alone: English at the root, other languages under their prefix
/// (/ru/…). Caches and search engines therefore see one language per URL. A third language needs only an entry in
/// <see cref="Languages.Supported"/>, a culture here, resource files and content.
/// </summary>
public static class Cultures
{
    private static readonly Dictionary<string, CultureInfo> ByLanguage = new()
    {
        ["en"] = CultureInfo.GetCultureInfo("en-GB"),
        ["ru"] = CultureInfo.GetCultureInfo("ru-RU"),
    };

    public static CultureInfo For(string language) => ByLanguage.GetValueOrDefault(language) ?? ByLanguage[Languages.Default];

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

/// <summary>Gives every public page a second route under each other language's prefix: /news/{slug} and /ru/news/{slug}.</summary>
internal sealed class CulturePrefixConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        if (model.AreaName is not null || model.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal))
        {
            return;
        }
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
