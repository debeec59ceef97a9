using AlmatyPortal.Tests.Support;

namespace AlmatyPortal.Tests.Integration;

/// <summary>Hostile Markdown in an article's body and title comes out inert on the public page.</summary>
public sealed class MarkdownSafetyTests : IClassFixture<MarkdownSafetyTests.Portal>
{
    private const string HostileBody = """
        <script>alert('body')</script>

        <img src=x onerror=alert(1)>

        [plain](javascript:alert(1))
        [upper](JAVASCRIPT:alert(1))
        [entity](&#106;avascript:alert(1))
        [hex entity](&#x6A;&#x61;vascript:alert(1))
        [tabbed](java	script:alert(1))
        [spaced]( javascript:alert(1))
        [vb](vbscript:msgbox(1))
        [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
        [reference][evil]
        <javascript:alert(1)>
        ![image](javascript:alert(1))
        ![data image](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)

        [evil]: javascript:alert('ref')

        [good](https://www.unhcr.org/) [mail](mailto:almaty@example.org) [local](/news)
        """;

    public sealed class Portal : ContentPortal
    {
        public Portal()
        {
            Content.WriteArticle("2012-02-02-hostile.md", """
                title: "<script>alert('title')</script> Hostile <b>title</b>"
                slug: hostile
                section: news
                status: published
                publish_date: 2012-02-02T09:00:00+06:00
                summary: "<img src=x onerror=alert(2)>"
                """, HostileBody);
        }
    }

    private readonly Portal _portal;

    public MarkdownSafetyTests(Portal portal) => _portal = portal;

    private Task<string> PageAsync() => _portal.Factory.CreateReader().GetStringAsync("/news/hostile");

    [Fact]
    public async Task No_script_element_or_event_handler_from_content_reaches_the_page()
    {
        var html = await PageAsync();

        // The only script elements are JSON-LD data blocks, which browsers never run.
        var scripts = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("script");
        Assert.All(scripts, s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        Assert.DoesNotContain("iframe", Html.ElementNames(html));
        Assert.False(Html.HasEventHandler(html));
        Assert.DoesNotContain("<img src=\"x\"", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task No_link_or_image_uses_javascript_vbscript_or_data()
    {
        var html = await PageAsync();
        var body = Html.Section(html, "<div class=\"body\">", "div");

        var targets = Html.LinkTargets(body).ToList();

        Assert.Equal(3, targets.Count);
        Assert.All(targets, target => Assert.Matches("^(https://|mailto:|/)", target));
    }

    [Fact]
    public async Task Safe_links_survive()
    {
        var html = await PageAsync();

        Assert.Contains("href=\"https://www.unhcr.org/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:almaty@example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/news\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_html_in_the_title_and_summary_is_shown_as_text()
    {
        var html = await PageAsync();

        Assert.Contains("<h1>&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; Hostile &lt;b&gt;title&lt;/b&gt;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
    }
}
