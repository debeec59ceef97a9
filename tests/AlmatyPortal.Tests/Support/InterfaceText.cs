using System.Resources;
using System.Text.RegularExpressions;

namespace AlmatyPortal.Tests.Support;

/// <summary>Readings of a page's interface language: the English resource strings, and English words left on a Russian page.</summary>
public static partial class InterfaceText
{
    /// <summary>The English interface strings: the keys of the Russian resource file (format holes and proper names left out).</summary>
    public static IEnumerable<string> EnglishStrings()
    {
        var assembly = typeof(AlmatyPortal.Web.SharedResource).Assembly;
        var manager = new ResourceManager("AlmatyPortal.Web.Resources.SharedResource", assembly);
        var set = manager.GetResourceSet(System.Globalization.CultureInfo.GetCultureInfo("ru"), createIfNotExists: true, tryParents: false)!;
        foreach (System.Collections.DictionaryEntry entry in set)
        {
            var key = (string)entry.Key;
            var fixedText = FormatHole().Replace(key, "").Trim(' ', ',', ':', '“', '”', '(', ')', '.');
            var isAcronym = Acronym().IsMatch(key);
            if (fixedText.Length >= 4 && fixedText != (string)entry.Value! && !isAcronym)
            {
                yield return fixedText;
            }
        }
    }

    /// <summary>Every resource key as the Russian text it is shown as.</summary>
    public static IReadOnlyDictionary<string, string> RussianTexts()
    {
        var manager = new ResourceManager("AlmatyPortal.Web.Resources.SharedResource", typeof(AlmatyPortal.Web.SharedResource).Assembly);
        var set = manager.GetResourceSet(System.Globalization.CultureInfo.GetCultureInfo("ru"), createIfNotExists: true, tryParents: false)!;
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    /// <summary>The literal keys the portal's source asks its localizer for: T["…"] and t["…"] in .cs and .cshtml files.</summary>
    public static IReadOnlySet<string> KeysUsedInSource()
    {
        var source = Path.Combine(Path.GetDirectoryName(PortalFactory.RepositoryContent)!, "src", "AlmatyPortal.Web");
        return Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => System.Text.RegularExpressions.Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("""\b[Tt]\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex LocalizerKey();

    /// <summary>What a reader sees or hears: text, titles, labels, placeholders and button values.</summary>
    public static string Visible(string html, bool withoutOtherLanguages = false)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        if (withoutOtherLanguages)
        {
            // Content in another language is marked with its own lang, as it should be for screen readers; it is not interface.
            foreach (var element in document.Body!.QuerySelectorAll("[lang]").Where(e => e.GetAttribute("lang") != "ru").ToList())
            {
                element.Remove();
            }
        }
        foreach (var element in document.QuerySelectorAll("textarea, script, style, template").ToList())
        {
            element.Remove();
        }
        var attributes = document.QuerySelectorAll("[aria-label], [placeholder], [title], [alt], input[type=submit][value], meta[name=description], meta[property='og:title']")
            .SelectMany(e => new[] { e.GetAttribute("aria-label"), e.GetAttribute("placeholder"), e.GetAttribute("title"), e.GetAttribute("alt"), e.GetAttribute("content"), e.GetAttribute("type") == "submit" ? e.GetAttribute("value") : null })
            .Where(v => v is not null);
        var text = document.Title + " " + document.Body!.TextContent + " " + string.Join(" ", attributes);
        // An editor's page title names the record being edited, in the record's language.
        if (withoutOtherLanguages && document.QuerySelector("input[name='Input.Title']")?.GetAttribute("value") is { Length: > 0 } edited)
        {
            text = text.Replace(edited, "", StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>English left on a Russian page: resource strings, and any Latin word outside content marked with another lang.</summary>
    public static string? EnglishLeftOn(string html)
    {
        var visible = WithoutAddresses(Visible(html, withoutOtherLanguages: true));
        var resources = EnglishStrings().Where(s => visible.Contains(s, StringComparison.Ordinal)).ToList();
        var words = LatinWords(visible);
        return resources.Count == 0 && words.Count == 0 ? null : $"{string.Join(" | ", resources)} / words: {string.Join(" ", words)}";
    }

    /// <summary>The text without e-mail addresses, paths, file names and slugs.</summary>
    public static string WithoutAddresses(string visible) => Address().Replace(visible, " ");

    /// <summary>Latin words on a page (acronyms, addresses, e-mail addresses and the allowed technical names left out).</summary>
    public static IReadOnlyList<string> LatinWords(string visible)
    {
        var withoutAddresses = Address().Replace(visible, " ");
        return LatinWord().Matches(withoutAddresses).Select(m => m.Value)
            .Where(w => !Allowed.Contains(w)).Distinct().ToList();
    }

    // Names of formats and tools that Russian interfaces write in Latin letters too.
    private static readonly HashSet<string> Allowed = ["Markdown", "WebP", "JPEG", "PNG", "PDF", "YAML", "Atom", "https", "http"];

    [GeneratedRegex("\\{\\d\\}")]
    private static partial Regex FormatHole();

    [GeneratedRegex("^[A-Z]{2,8}$")]
    private static partial Regex Acronym();

    // Tokens with @, /, _, . or - inside are e-mail addresses, paths, file names and slugs: data, not words.
    [GeneratedRegex("\\S*[@/_\\-.]\\S*[A-Za-z0-9]\\S*")]
    private static partial Regex Address();

    // A word of two or more Latin letters with at least one lower-case letter (UNHCR, ISO and other acronyms pass).
    [GeneratedRegex("\\b(?=[A-Za-z]*[a-z])[A-Za-z]{2,}\\b")]
    private static partial Regex LatinWord();
}
