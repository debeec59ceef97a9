using System.Net;
using System.Xml.Linq;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Infrastructure.Localization;

namespace AlmatyPortal.Tests.Integration;

/// <summary>The portal in English and Russian: one language per URL, every page in both, translations linked both ways.</summary>
public class LanguageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    public const string RussianArticleUrl = "/ru/news/uvkb-oon-provelo-regionalnuyu-konferentsiyu";
    public const string RussianConferenceUrl = "/ru/conferences/regionalnaya-konferentsiya-almaty-2011";

    public static TheoryData<string, string> PagesInBothLanguages => new()
    {
        { "/", "en" }, { "/ru", "ru" }, { "/ru/", "ru" },
        { "/news", "en" }, { "/ru/news", "ru" },
        { "/sections/news", "en" }, { "/ru/sections/news", "ru" },
        { "/sections/news-of-the-region", "en" }, { "/ru/sections/news-of-the-region", "ru" },
        { "/tags/almaty-declaration", "en" }, { "/ru/tags/almatinskaya-deklaratsiya", "ru" },
        { "/conferences", "en" }, { "/ru/conferences", "ru" },
        { "/news/archive", "en" }, { "/ru/news/archive", "ru" }, { "/ru/news/archive/2011/03", "ru" },
        { "/search?q=declaration", "en" }, { "/ru/search?q=" + Uri.EscapeDataString("декларация"), "ru" },
        { Seed.ArticleUrl, "en" }, { RussianArticleUrl, "ru" },
        { Seed.ConferenceUrl, "en" }, { RussianConferenceUrl, "ru" },
        { "/processes", "en" }, { "/ru/processes", "ru" },
        { "/processes/almaty-process", "en" }, { "/ru/processes/almatinskiy-protsess", "ru" },
    };

    [Theory]
    [MemberData(nameof(PagesInBothLanguages))]
    public async Task Every_public_page_answers_200_in_both_languages_with_the_right_lang(string url, string language)
    {
        var response = await portal.CreateReader().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/de/news")]
    [InlineData("/kk")]
    [InlineData("/xx/news/" + Seed.ArticleSlug)]
    [InlineData("/ru/news/" + Seed.ArticleSlug)]
    public async Task An_unknown_prefix_or_a_page_missing_in_that_language_is_404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateReader().GetAsync(url)).StatusCode);

    [Fact]
    public async Task A_missing_russian_page_shows_the_russian_404_page()
    {
        var html = await (await portal.CreateReader().GetAsync("/ru/news/no-such-article")).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"ru\">", html, StringComparison.Ordinal);
        Assert.Contains("Страница не найдена", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_interface_string_the_code_asks_for_has_a_russian_text()
    {
        var used = InterfaceText.KeysUsedInSource();
        var russian = InterfaceText.RussianTexts();

        Assert.True(used.Count > 150, $"the scan found only {used.Count} keys: it is not reading the source");
        Assert.Empty(used.Where(k => !russian.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/ru")]
    [InlineData("/ru/news")]
    [InlineData("/ru/sections/news")]
    [InlineData("/ru/tags/almatinskaya-deklaratsiya")]
    [InlineData("/ru/conferences")]
    [InlineData("/ru/news/archive/2011")]
    [InlineData("/ru/search?q=%D0%B6%D0%B6%D0%B6%D0%B6")]
    [InlineData("/ru/search?q=%D0%B4%D0%B5%D0%BA%D0%BB%D0%B0%D1%80%D0%B0%D1%86%D0%B8%D1%8F")]
    [InlineData(RussianArticleUrl)]
    [InlineData(RussianConferenceUrl)]
    [InlineData("/ru/processes")]
    [InlineData("/ru/processes/almatinskiy-protsess")]
    [InlineData("/ru/no-such-page")]
    public async Task No_english_interface_string_remains_on_a_russian_page(string url)
    {
        var html = await (await portal.CreateReader().GetAsync(url)).Content.ReadAsStringAsync();

        var leftovers = InterfaceText.EnglishLeftOn(html);

        Assert.Contains("УВКБ ООН в Центральной Азии", InterfaceText.Visible(html, withoutOtherLanguages: true), StringComparison.Ordinal);
        Assert.True(leftovers is null, $"{url} still shows: {leftovers}");
    }

    [Fact]
    public async Task The_report_and_its_translation_link_to_each_other_with_hreflang()
    {
        var english = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await portal.CreateReader().GetStringAsync(Seed.ArticleUrl));
        var russian = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await portal.CreateReader().GetStringAsync(RussianArticleUrl));
        static string? Href(AngleSharp.Html.Dom.IHtmlDocument d, string lang) => d.QuerySelector($"link[rel=alternate][hreflang='{lang}']")?.GetAttribute("href");

        Assert.Equal("http://localhost" + RussianArticleUrl, Href(english, "ru"));
        Assert.Equal("http://localhost" + Seed.ArticleUrl, Href(russian, "en"));
        Assert.Equal("http://localhost" + Seed.ArticleUrl, Href(russian, "x-default"));
        Assert.Equal("http://localhost" + Seed.ArticleUrl, Href(english, "en"));
        Assert.Equal(RussianArticleUrl, english.QuerySelector("a.language[hreflang=ru]")?.GetAttribute("href"));
        Assert.Equal(Seed.ArticleUrl, russian.QuerySelector("a.language[hreflang=en]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_conference_record_and_its_translation_link_to_each_other()
    {
        var english = await portal.CreateReader().GetStringAsync(Seed.ConferenceUrl);
        var russian = await portal.CreateReader().GetStringAsync(RussianConferenceUrl);

        Assert.Contains($"hreflang=\"ru\" href=\"http://localhost{RussianConferenceUrl}\"", english, StringComparison.Ordinal);
        Assert.Contains($"hreflang=\"en\" href=\"http://localhost{Seed.ConferenceUrl}\"", russian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_translation_the_switcher_goes_to_the_other_languages_home()
    {
        using var content = new ContentFolder();
        content.WriteArticle("2012-01-01-english-only.md", "title: English only\nsection: news\nstatus: published\npublish_date: 2012-01-01T09:00:00+06:00");
        using var own = new PortalFactory(content.Path);

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await own.CreateReader().GetStringAsync("/news/english-only"));

        Assert.Equal("/ru/", document.QuerySelector("a.language[hreflang=ru]")?.GetAttribute("href"));
        Assert.Null(document.QuerySelector("link[rel=alternate][hreflang=ru]"));
    }

    [Fact]
    public async Task Links_on_a_russian_page_stay_in_russian()
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await portal.CreateReader().GetStringAsync("/ru"));

        var internalLinks = document.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!)
            .Where(h => !h.StartsWith("/donate", StringComparison.Ordinal) && !h.StartsWith("/media/", StringComparison.Ordinal) && h != "/").ToList();

        Assert.NotEmpty(internalLinks);
        Assert.All(internalLinks, h => Assert.StartsWith("/ru/", h, StringComparison.Ordinal));
        Assert.Contains(RussianArticleUrl, internalLinks);
    }

    public static TheoryData<string> RussianPages => new(
        [.. PagesInBothLanguages.Select(row => (string)row[0]).Where(url => url.StartsWith("/ru", StringComparison.Ordinal)),
            "/ru/news?page=2", "/ru/news/no-such-article", "/ru/account/login"]);

    [Theory]
    [MemberData(nameof(RussianPages))]
    public async Task Every_link_and_form_on_a_russian_page_stays_in_russian(string url)
    {
        var response = await portal.CreateReader().GetAsync(url);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        // Every site-relative address a reader can follow or submit, except those that name their language (hreflang)
        // and those that serve every language (files, /donate).
        var addresses = document.QuerySelectorAll("a[href^='/']:not([hreflang])").Select(a => a.GetAttribute("href")!)
            .Concat(document.QuerySelectorAll("form[action^='/']").Select(f => f.GetAttribute("action")!))
            .Where(address => !Cultures.IsLanguageNeutral(address)).ToList();

        Assert.True(addresses.Count >= 5, $"{url} has only {addresses.Count} addresses to check");
        Assert.All(addresses, address => Assert.StartsWith("/ru/", address, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/ru")]
    [InlineData(RussianArticleUrl)]
    public async Task The_donate_button_on_a_russian_page_reaches_the_donation_page(string url)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await portal.CreateReader().GetStringAsync(url));
        var donate = document.QuerySelector("header a.donate")!.GetAttribute("href")!;

        var response = await portal.CreateReader().GetAsync(donate);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/donate?from={Uri.EscapeDataString(url)}", donate);
    }

    [Fact]
    public async Task Dates_follow_the_culture()
    {
        var english = Html.Text(await portal.CreateReader().GetStringAsync(Seed.ConferenceUrl));
        var russian = Html.Text(await portal.CreateReader().GetStringAsync(RussianConferenceUrl));
        var russianArticle = await portal.CreateReader().GetStringAsync(RussianArticleUrl);

        Assert.Contains("15–16 March 2011", english, StringComparison.Ordinal);
        Assert.Contains("15–16 марта 2011", russian, StringComparison.Ordinal);
        Assert.Contains(">17.03.2011</time>", russianArticle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_russian_search_for_declaration_finds_the_russian_report()
    {
        var html = await portal.CreateReader().GetStringAsync("/ru/search?q=" + Uri.EscapeDataString("декларация"));

        Assert.Contains($"href=\"{RussianArticleUrl}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{Seed.ArticleUrl}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_russian_feed_holds_the_russian_report_in_russian()
    {
        var rss = XDocument.Parse(await portal.CreateReader().GetStringAsync("/ru/feeds/news.rss"));
        var channel = rss.Root!.Element("channel")!;

        Assert.Equal("ru", channel.Element("language")!.Value);
        var item = Assert.Single(channel.Elements("item"));
        Assert.Equal("http://localhost" + RussianArticleUrl, item.Element("link")!.Value);
        Assert.StartsWith("УВКБ ООН", item.Element("title")!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ru/feeds/news.rss")]
    [InlineData("/ru/feeds/news.atom")]
    [InlineData("/ru/feeds/sections/news.rss")]
    [InlineData("/ru/feeds/tags/almatinskaya-deklaratsiya.atom")]
    [InlineData("/ru/conferences/calendar.ics")]
    public async Task A_russian_feed_or_calendar_names_itself_and_its_sections_in_russian(string url)
    {
        var text = await portal.CreateReader().GetStringAsync(url);
        // Titles, descriptions, categories and calendar names: the text between tags, and the Atom category labels.
        var words = System.Text.RegularExpressions.Regex.Matches(text, ">([^<>]+)<|label=\"([^\"]+)\"|X-WR-CALNAME:(.+)")
            .Select(m => m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value)
            .Where(v => !v.StartsWith("http", StringComparison.Ordinal) && !v.Contains("&lt;", StringComparison.Ordinal))
            // RSS dates are RFC 822, English by the standard: "Thu, 17 Mar 2011 04:00:00 GMT".
            .Where(v => !System.Text.RegularExpressions.Regex.IsMatch(v, "^[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4}")).ToList();
        // The scan read the feed's own name, so it looked at the words that matter.
        Assert.Contains(words, w => w.Contains("УВКБ ООН в Центральной Азии", StringComparison.Ordinal));

        var english = InterfaceText.LatinWords(InterfaceText.WithoutAddresses(string.Join(" ", words)))
            .Where(w => w is not ("ru" or "tag" or "urn" or "uuid")).ToList();

        Assert.True(english.Count == 0, $"{url}: {string.Join(" ", english)}");
    }

    [Fact]
    public async Task Structured_data_on_russian_pages_names_people_countries_and_the_publisher_in_russian()
    {
        static string JsonLd(string html) => string.Join("\n", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html)
            .QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent));
        var conference = JsonLd(await portal.CreateReader().GetStringAsync(RussianConferenceUrl));
        var article = JsonLd(await portal.CreateReader().GetStringAsync(RussianArticleUrl));

        Assert.Contains("\"name\":\"Эрика Феллер\"", conference, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Казахстан\"", conference, StringComparison.Ordinal);
        Assert.DoesNotContain("Kazakhstan", conference, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"УВКБ ООН в Центральной Азии\"", article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sitemap_lists_hreflang_alternates()
    {
        var sitemap = XDocument.Parse(await portal.CreateReader().GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var entry = sitemap.Root!.Elements(ns + "url").Single(u => u.Element(ns + "loc")!.Value == "http://localhost" + RussianArticleUrl);

        var alternates = entry.Elements(xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
        Assert.Equal("http://localhost" + Seed.ArticleUrl, alternates["en"]);
        Assert.Equal("http://localhost" + RussianArticleUrl, alternates["ru"]);
        Assert.Equal("http://localhost" + Seed.ArticleUrl, alternates["x-default"]);
    }
}

/// <summary>The same two languages on PostgreSQL.</summary>
public sealed class LanguageOnPostgreSqlTests(PostgreSqlSeededPortal portal) : LanguageTests(portal), IClassFixture<PostgreSqlSeededPortal>;
