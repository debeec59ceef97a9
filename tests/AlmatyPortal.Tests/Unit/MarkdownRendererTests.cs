using AlmatyPortal.Web.Features.Markdown;

namespace AlmatyPortal.Tests.Unit;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static string Html(string markdown)
    {
        var rendering = Renderer.Render(markdown);
        Assert.True(rendering.Succeeded, rendering.Error);
        return rendering.Html;
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](&#x6A;avascript:alert(1))")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("![x](data:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("![x](javascript:alert(1))")]
    public void Dangerous_links_lose_their_target(string markdown)
    {
        var html = Html(markdown);

        // The words may stay as visible text; no href or src may carry them.
        foreach (var target in Support.Html.LinkTargets(html))
        {
            Assert.Matches("^(https?:|mailto:|/|#)", target);
        }
        Assert.DoesNotMatch("(href|src)=\"[^\"]*(script|data):", System.Net.WebUtility.HtmlDecode(html));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("Text <b onclick=\"x()\">bold</b>")]
    public void Raw_html_is_shown_as_text_never_as_markup(string markdown)
    {
        var html = Html(markdown);

        Assert.DoesNotMatch("<(script|img|iframe|b)[\\s>]", html);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_links_tables_figures_and_heading_anchors_render()
    {
        var html = Html("""
            ## Almaty Declaration

            [UNHCR](https://www.unhcr.org/) [mail](mailto:a@example.org) [local](/news/x) [anchor](#almaty-declaration)

            | Country | Delegates |
            |---|---:|
            | Kazakhstan | 12 |

            ^^^ Figure caption
            """);

        Assert.Contains("<h2 id=\"almaty-declaration\">Almaty Declaration</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.unhcr.org/\" rel=\"noopener\">UNHCR</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:a@example.org\">mail</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/news/x\">local</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#almaty-declaration\">anchor</a>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<td style=\"text-align: right\">12</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">", 5000)]
    [InlineData("- ", 5000)]
    [InlineData("[", 50000)]
    [InlineData("*", 50000)]
    public void Very_deep_nesting_is_refused_with_a_message_not_a_crash(string opener, int times)
    {
        var rendering = Renderer.Render(string.Concat(Enumerable.Repeat(opener, times)) + "x");

        Assert.False(rendering.Succeeded);
        Assert.Contains("nested too deeply", rendering.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_quotes_are_refused()
    {
        var rendering = Renderer.Render(new string('>', MarkdownRenderer.MaxNestingDepth + 5) + " deep");

        Assert.False(rendering.Succeeded);
        Assert.Contains("nested too deeply", rendering.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_lists_are_refused()
    {
        var markdown = string.Join('\n', Enumerable.Range(0, 60).Select(i => new string(' ', i * 2) + "- item"));

        var rendering = Renderer.Render(markdown);

        Assert.False(rendering.Succeeded);
    }

    [Fact]
    public void Rendering_is_the_same_every_time() =>
        Assert.Equal(Html("# Title\n\nText [a](https://x.example)"), Html("# Title\n\nText [a](https://x.example)"));
}
