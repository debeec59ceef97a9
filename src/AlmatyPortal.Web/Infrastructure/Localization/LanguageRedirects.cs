
namespace AlmatyPortal.Web.Infrastructure.Localization;

internal static class LanguageRedirects
{
    public static IApplicationBuilder UseLanguageRedirects(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        if (context.Language() != Languages.Default)
        {
            // The context is the callback's state, so a request under /ru allocates no closure for it.
            context.Response.OnStarting(KeepRedirectInLanguage, context);
        }
        return next(context);
    });

    private static readonly Func<object, Task> KeepRedirectInLanguage = static state =>
    {
        var context = (HttpContext)state;
        var response = context.Response;
        if (response.StatusCode is >= 300 and < 400 && response.Headers.Location.ToString() is { Length: > 0 } location)
        {
            response.Headers.Location = Kept(location, context.Request, context.Language());
        }
        return Task.CompletedTask;
    };

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
