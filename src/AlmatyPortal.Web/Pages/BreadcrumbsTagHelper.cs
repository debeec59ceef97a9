using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AlmatyPortal.Web.Pages;

/// <summary>
/// A public page's breadcrumb trail, <c>&lt;breadcrumbs trail="…" /&gt;</c>: each crumb a link in the reader's language,
/// the last one without an address marked as the current page.
/// </summary>
/// <remarks>
/// A tag helper, not a partial view: a partial is looked up, gets a view context of its own and copies the page's view
/// data on every render, which cost 2.5 % of the server's CPU for an uncached article.
/// </remarks>
[HtmlTargetElement("breadcrumbs", Attributes = "trail", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BreadcrumbsTagHelper(IStringLocalizer<SharedResource> t, HtmlEncoder encoder) : TagHelper
{
    /// <summary>The crumbs, home first: a name, and its site address (null for the page itself).</summary>
    public IReadOnlyList<(string Name, string? Url)> Trail { get; set; } = [];

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "breadcrumb");
        output.Attributes.SetAttribute("aria-label", t["Breadcrumb"].Value);
        var language = ViewContext.HttpContext.Language();
        var html = output.Content.AppendHtml("<ol>");
        for (var i = 0; i < Trail.Count; i++)
        {
            var (name, url) = Trail[i];
            html.AppendHtml(i == 0 ? "<li>" : "<li><span class=\"sep\" aria-hidden=\"true\">›</span> ");
            // Appended in pieces: the encoder returns the text itself when nothing in it needs encoding, so a crumb
            // costs no new string (an interpolated one per crumb was 4 % of what an uncached Russian article allocated).
            if (url is null)
            {
                html.AppendHtml("<span aria-current=\"page\">").AppendHtml(encoder.Encode(name)).AppendHtml("</span></li>");
            }
            else
            {
                html.AppendHtml("<a href=\"").AppendHtml(encoder.Encode(Cultures.KeepLanguage(url, language))).AppendHtml("\">")
                    .AppendHtml(encoder.Encode(name)).AppendHtml("</a></li>");
            }
        }
        html.AppendHtml("</ol>");
    }
}
