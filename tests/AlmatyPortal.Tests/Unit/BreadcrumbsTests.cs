using System.Text.Encodings.Web;
using AlmatyPortal.Web;
using AlmatyPortal.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace AlmatyPortal.Tests.Unit;

/// <summary>The breadcrumb trail a public page writes: names as text, addresses in the reader's language.</summary>
public sealed class BreadcrumbsTests
{
    private const string Hostile = "\"><svg/onload=alert(1)>";

    private static string Render(string language, params (string Name, string? Url)[] trail)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(language), null));
        var helper = new BreadcrumbsTagHelper(new EchoLocalizer(), HtmlEncoder.Default) { Trail = trail, ViewContext = new ViewContext { HttpContext = context } };
        var output = new TagHelperOutput("breadcrumbs", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "crumbs"), output);
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void A_crumb_is_written_as_text_with_its_address_in_the_readers_language()
    {
        var html = Render("ru", ("Home", "/"), (Hostile, "/tags/x?a=1&b=2"), ("<b>Now</b>", null));

        Assert.Equal(
            "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><ol>"
            + "<li><a href=\"/ru/\">Home</a></li>"
            + "<li><span class=\"sep\" aria-hidden=\"true\">›</span> <a href=\"/ru/tags/x?a=1&amp;b=2\">&quot;&gt;&lt;svg/onload=alert(1)&gt;</a></li>"
            + "<li><span class=\"sep\" aria-hidden=\"true\">›</span> <span aria-current=\"page\">&lt;b&gt;Now&lt;/b&gt;</span></li>"
            + "</ol></nav>",
            html);
    }

    /// <summary>A localizer that returns each text as it is asked for.</summary>
    private sealed class EchoLocalizer : IStringLocalizer<SharedResource>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
