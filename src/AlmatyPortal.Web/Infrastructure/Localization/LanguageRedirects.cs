
namespace AlmatyPortal.Web.Infrastructure.Localization;

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
