using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace AlmatyPortal.Web.Features.Markdown;

/// <summary>The portal's one Markdown renderer: Markdig with raw HTML off, then HtmlSanitizer. Used at save and import time only.</summary>
public sealed class MarkdownRenderer
{
    /// <summary>Deeper block or inline nesting than this is refused; no real article comes near it.</summary>
    public const int MaxNestingDepth = 24;

    /// <summary>The refusal for text nested deeper than <see cref="MaxNestingDepth"/>; a format with the depth as {0}.</summary>
    public const string TooDeeplyNested = "The text is nested too deeply (more than {0} levels of quotes, lists or brackets).";

    private static readonly string TooDeepMessage = TooDeeplyNested.Replace("{0}", MaxNestingDepth.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseFigures()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>Renders Markdown to safe HTML, or says why it cannot.</summary>
    public MarkdownRendering Render(string? markdown)
    {
        if (Parse(markdown) is not { } document)
        {
            return MarkdownRendering.Refused(TooDeepMessage);
        }

        var html = document.ToHtml(_pipeline);
        return MarkdownRendering.Rendered(_sanitizer.Sanitize(html).Trim());
    }

    /// <summary>The text's syntax tree, for checks that read its headings, links and images; null when it cannot be rendered.</summary>
    public MarkdownDocument? Parse(string? markdown)
    {
        markdown ??= "";
        if (ExceedsNesting(markdown))
        {
            return null;
        }
        try
        {
            var document = Markdig.Markdown.Parse(markdown, _pipeline);
            return Depth(document, 0) > MaxNestingDepth ? null : document;
        }
        catch (ArgumentException ex) when (ex.Message.Contains("nest", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    // A cheap pre-parse guard: Markdig recurses on nested containers, so absurd nesting is refused before it parses.
    private static bool ExceedsNesting(string markdown)
    {
        var bracketDepth = 0;
        var maxBrackets = 0;
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            var quotes = 0;
            var indent = 0;
            foreach (var c in line)
            {
                if (c == '>') { quotes++; }
                else if (c == ' ') { indent++; }
                else if (c == '\t') { indent += 4; }
                else if (c is '-' or '*' or '+') { indent += 2; }
                else { break; }
            }
            if (quotes > MaxNestingDepth || indent / 2 > MaxNestingDepth * 2)
            {
                return true;
            }
            foreach (var c in line)
            {
                if (c == '[' || c == '(') { bracketDepth++; maxBrackets = Math.Max(maxBrackets, bracketDepth); }
                else if ((c == ']' || c == ')') && bracketDepth > 0) { bracketDepth--; }
            }
            if (maxBrackets > MaxNestingDepth * 4)
            {
                return true;
            }
        }
        return false;
    }

    private static int Depth(MarkdownObject node, int depth)
    {
        var max = depth;
        if (node is ContainerBlock container)
        {
            foreach (var child in container)
            {
                max = Math.Max(max, Depth(child, depth + 1));
            }
        }
        else if (node is LeafBlock { Inline: not null } leaf)
        {
            max = Math.Max(max, InlineDepth(leaf.Inline, depth + 1));
        }
        return max;
    }

    private static int InlineDepth(Markdig.Syntax.Inlines.ContainerInline inline, int depth)
    {
        var max = depth;
        foreach (var child in inline)
        {
            if (child is Markdig.Syntax.Inlines.ContainerInline nested)
            {
                max = Math.Max(max, InlineDepth(nested, depth + 1));
            }
        }
        return max;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in AllowedSchemes)
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }
        sanitizer.AllowedTags.Add("figure");
        sanitizer.AllowedTags.Add("figcaption");
        sanitizer.AllowedAttributes.Add("id");
        // Links a reader follows out of the portal carry no referrer-borne opener.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a && a.GetAttribute("href") is { } href
                && (href.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
            {
                a.SetAttribute("rel", "noopener");
            }
        };
        return sanitizer;
    }
}

/// <summary>The outcome of rendering: safe HTML, or the reason the text was refused.</summary>
public sealed record MarkdownRendering(string Html, string? Error)
{
    public bool Succeeded => Error is null;
    public static MarkdownRendering Rendered(string html) => new(html, null);
    public static MarkdownRendering Refused(string error) => new("", error);
}
