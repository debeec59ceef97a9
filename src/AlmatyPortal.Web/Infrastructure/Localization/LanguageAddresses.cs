using Microsoft.AspNetCore.Mvc.Rendering;

namespace AlmatyPortal.Web.Infrastructure.Localization;

/// <summary>
/// Keeps a reader in their language on the public pages: there, a site address such as /news/x is written /ru/news/x
/// under /ru. Public views call it for every link and form address they write; addresses that name their language
/// (hreflang), files and /donate are left as they are (<see cref="Cultures.KeepLanguage"/>).
/// </summary>
/// <remarks>
/// A call, not a tag helper over every &lt;a&gt;: a tag helper buffers each element it targets, and on an uncached
/// article that cost 11 % of the request in English, where it changes nothing. The staff pages keep
/// <see cref="LanguagePathTagHelper"/>.
/// </remarks>
public static class LanguageAddresses
{
    public static string KeepLanguage(this IHtmlHelper html, string address) =>
        Cultures.KeepLanguage(address, html.ViewContext.HttpContext.Language());
}
