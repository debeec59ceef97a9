using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AlmatyPortal.Web.Infrastructure.Localization;

/// <summary>
/// Keeps a member of staff in their language on the staff pages (the public pages call
/// <see cref="LanguageAddresses.KeepLanguage"/> instead, see there why): on a page under /ru, a site-relative link or form address such as /news/x
/// becomes /ru/news/x, and so do form actions and button formactions. Files (/media, /css, /js), /donate and links marked with hreflang are left alone.
/// </summary>
[HtmlTargetElement("a", Attributes = "href")]
[HtmlTargetElement("form", Attributes = "action")]
[HtmlTargetElement("button", Attributes = "formaction")]
public sealed class LanguagePathTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // Runs after the framework's own tag helpers have written their attributes.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var language = ViewContext.HttpContext.Language();
        if (language == Languages.Default || output.Attributes.ContainsName("hreflang"))
        {
            return;
        }
        var name = output.TagName switch { "form" => "action", "button" => "formaction", _ => "href" };
        if (!output.Attributes.TryGetAttribute(name, out var attribute))
        {
            return;
        }
        var value = attribute.Value switch
        {
            string text => text,
            Microsoft.AspNetCore.Html.IHtmlContent html => Render(html),
            var other => other?.ToString() ?? "",
        };
        var decoded = System.Net.WebUtility.HtmlDecode(value);
        var kept = Cultures.KeepLanguage(decoded, language);
        if (kept != decoded)
        {
            output.Attributes.SetAttribute(name, kept);
        }
    }

    private static string Render(Microsoft.AspNetCore.Html.IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
