using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using AlmatyPortal.Tests.Support;

namespace AlmatyPortal.Tests.Integration;

/// <summary>Feeds, sitemap, robots, structured data, sharing tags and calendars, as feed readers, search engines and calendar apps read them.</summary>
public class MachineReadableTests : IClassFixture<MachineReadableTests.Portal>
{
    public class Portal : ContentPortal
    {
        public Portal() : this(PortalDatabase.Sqlite)
        {
        }

        protected Portal(PortalDatabase database)
            : base(new Dictionary<string, string?> { ["Portal:PublicUrl"] = "https://portal.example.org" }, database)
        {
            Content.WriteArticle("2012-04-01-script-title.md", """
                title: "Breaking </script><script>alert(1)</script> news"
                section: news
                status: published
                publish_date: 2012-04-01T09:00:00+06:00
                tags: [Central Asia]
                """, "Body with ]]> inside.");
        }
    }

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly Portal _portal;

    public MachineReadableTests(Portal portal) => _portal = portal;

    /// <summary>The same content on PostgreSQL.</summary>
    public sealed class PostgreSqlPortal() : Portal(PortalDatabase.PostgreSql);

    private HttpClient Client => _portal.Factory.CreateReader();

    [Fact]
    public async Task The_rss_feed_carries_full_content_categories_dates_absolute_links_and_the_image()
    {
        var response = await Client.GetAsync("/feeds/news.rss");
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var channel = rss.Root!.Element("channel")!;
        Assert.Equal("2.0", rss.Root.Attribute("version")?.Value);
        Assert.Equal("https://portal.example.org/feeds/news.rss", channel.Element(Atom + "link")!.Attribute("href")!.Value);
        var item = channel.Elements("item").Single(i => i.Element("link")!.Value == "https://portal.example.org" + Seed.ArticleUrl);
        Assert.Equal("UNHCR convenes regional conference on refugee protection and migration", item.Element("title")!.Value);
        Assert.Equal("Thu, 17 Mar 2011 04:00:00 GMT", item.Element("pubDate")!.Value);
        Assert.Contains("Almaty Declaration", item.Element(ContentNs + "encoded")!.Value, StringComparison.Ordinal);
        Assert.Contains("<li>managing borders while ensuring refugee protection;</li>", item.Element(ContentNs + "encoded")!.Value, StringComparison.Ordinal);
        Assert.Equal(["News", "Almaty Declaration", "Central Asia", "Migration", "Refugee protection"], item.Elements("category").Select(c => c.Value));
        var image = item.Element(Media + "content")!;
        Assert.StartsWith("https://portal.example.org/media/almaty-conference-2011-", image.Attribute("url")!.Value, StringComparison.Ordinal);
        Assert.Equal(("1200", "675"), (image.Attribute("width")!.Value, image.Attribute("height")!.Value));
        Assert.Equal("© UNHCR", image.Element(Media + "credit")!.Value);
        Assert.Equal("Body with ]]> inside.", XElement.Parse("<x>" + channel.Elements("item").First().Element(ContentNs + "encoded")!.Value + "</x>").Value);
    }

    [Fact]
    public async Task The_atom_feed_has_ids_dates_links_content_and_categories()
    {
        var atom = XDocument.Parse(await Client.GetStringAsync("/feeds/news.atom"));

        Assert.Equal(Atom + "feed", atom.Root!.Name);
        Assert.NotEmpty(atom.Root.Element(Atom + "updated")!.Value);
        var entry = atom.Root.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value.StartsWith("UNHCR convenes", StringComparison.Ordinal));
        Assert.StartsWith("https://portal.example.org/news/", entry.Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.Equal("2011-03-17T04:00:00Z", entry.Element(Atom + "published")!.Value);
        Assert.Equal("https://portal.example.org" + Seed.ArticleUrl, entry.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value);
        Assert.Equal("html", entry.Element(Atom + "content")!.Attribute("type")!.Value);
        Assert.Contains("Almaty Declaration", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);
        Assert.Contains(entry.Elements(Atom + "category"), c => c.Attribute("term")!.Value == "Refugee protection");
        Assert.Contains(entry.Elements(Atom + "link"), l => l.Attribute("rel")!.Value == "enclosure");
    }

    [Theory]
    [InlineData("/feeds/sections/news.rss", "UNHCR convenes")]
    [InlineData("/feeds/sections/news-of-the-region.atom", "UNHCR convenes")]
    [InlineData("/feeds/tags/refugee-protection.rss", "UNHCR convenes")]
    [InlineData("/feeds/tags/central-asia.atom", "Breaking")]
    public async Task Section_and_tag_feeds_hold_their_own_articles(string url, string title)
    {
        var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(title, XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/feeds/sections/nowhere.rss")]
    [InlineData("/feeds/tags/nothing.atom")]
    [InlineData("/feeds/news.json")]
    public async Task Unknown_feeds_are_404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(url)).StatusCode);

    [Theory]
    [InlineData("/feeds/news.rss")]
    [InlineData("/feeds/tags/central-asia.atom")]
    [InlineData("/sitemap.xml")]
    [InlineData("/conferences/calendar.ics")]
    public async Task Conditional_get_answers_304_to_a_matching_etag_or_date(string url)
    {
        var first = await Client.GetAsync(url);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var byTag = new HttpRequestMessage(HttpMethod.Get, url);
        byTag.Headers.IfNoneMatch.Add(etag);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = lastModified;
        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));

        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(byTag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(byDate)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Pages_announce_their_feeds_for_autodiscovery()
    {
        var home = await Client.GetStringAsync("/");
        var section = await Client.GetStringAsync("/sections/news");
        var tag = await Client.GetStringAsync("/tags/central-asia");

        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"UNHCR Central Asia: news (RSS)\" href=\"/feeds/news.rss\">", home, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"UNHCR Central Asia: news (Atom)\" href=\"/feeds/news.atom\">", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/feeds/sections/news.rss\"", section, StringComparison.Ordinal);
        Assert.Contains("href=\"/feeds/tags/central-asia.atom\"", tag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sitemap_lists_every_public_page_with_lastmod()
    {
        var sitemap = XDocument.Parse(await Client.GetStringAsync("/sitemap.xml"));
        var urls = sitemap.Root!.Elements(SitemapNs + "url").ToDictionary(u => u.Element(SitemapNs + "loc")!.Value, u => u.Element(SitemapNs + "lastmod")?.Value);

        foreach (var path in new[] { "/", "/news", "/conferences", "/sections/news-of-the-region", "/sections/news", "/tags/almaty-declaration", "/tags/central-asia", Seed.ArticleUrl, Seed.ConferenceUrl, "/news/breaking-script-script-alert-1-script-news" })
        {
            Assert.True(urls.ContainsKey("https://portal.example.org" + path), $"{path} is missing from the sitemap");
        }
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$", urls["https://portal.example.org" + Seed.ArticleUrl]!);
        Assert.DoesNotContain(urls.Keys, u => u.Contains("/admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Robots_names_the_sitemap_and_keeps_crawlers_out_of_the_admin_area()
    {
        var robots = await Client.GetStringAsync("/robots.txt");

        Assert.Contains("Disallow: /admin", robots, StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://portal.example.org/sitemap.xml", robots, StringComparison.Ordinal);
    }

    private static List<JsonElement> JsonLd(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement).ToList();

    [Fact]
    public async Task The_article_page_has_news_article_json_ld_with_image_rights()
    {
        var article = JsonLd(await Client.GetStringAsync(Seed.ArticleUrl)).Single(j => j.GetProperty("@type").GetString() == "NewsArticle");

        Assert.Equal("UNHCR convenes regional conference on refugee protection and migration", article.GetProperty("headline").GetString());
        Assert.Equal("2011-03-17T10:00:00+06:00", article.GetProperty("datePublished").GetString());
        Assert.True(DateTimeOffset.TryParse(article.GetProperty("dateModified").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("Organization", article.GetProperty("publisher").GetProperty("@type").GetString());
        var image = article.GetProperty("image");
        Assert.Equal("ImageObject", image.GetProperty("@type").GetString());
        Assert.Equal("© UNHCR", image.GetProperty("creditText").GetString());
        Assert.Equal("© UNHCR", image.GetProperty("copyrightNotice").GetString());
        Assert.Equal(1200, image.GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task The_conference_page_has_event_json_ld()
    {
        var html = await Client.GetStringAsync(Seed.ConferenceUrl);
        var ld = JsonLd(html);
        var e = ld.Single(j => j.GetProperty("@type").GetString() == "Event");

        Assert.Equal("2011-03-15", e.GetProperty("startDate").GetString());
        Assert.Equal("2011-03-16", e.GetProperty("endDate").GetString());
        Assert.Equal("https://schema.org/EventScheduled", e.GetProperty("eventStatus").GetString());
        Assert.Equal("Almaty", e.GetProperty("location").GetProperty("address").GetProperty("addressLocality").GetString());
        Assert.Equal("KZ", e.GetProperty("location").GetProperty("address").GetProperty("addressCountry").GetString());
        Assert.Contains(e.GetProperty("organizer").EnumerateArray(), o => o.GetProperty("alternateName").GetString() == "IOM");
        Assert.Contains(e.GetProperty("funder").EnumerateArray(), o => o.GetProperty("name").GetString() == "European Commission");
        Assert.Contains(e.GetProperty("sponsor").EnumerateArray(), o => o.GetProperty("alternateName").GetString() == "OSCE");
        Assert.Equal(10, e.GetProperty("audience").GetProperty("geographicArea").GetArrayLength());
        var crumbs = ld.Single(j => j.GetProperty("@type").GetString() == "BreadcrumbList").GetProperty("itemListElement");
        Assert.Equal(["Home", "Conferences", "Regional Conference on Refugee Protection and International Migration in Central Asia"], crumbs.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("https://portal.example.org/", crumbs[0].GetProperty("item").GetString());
    }

    [Fact]
    public async Task The_article_breadcrumb_json_ld_follows_the_section_tree()
    {
        var crumbs = JsonLd(await Client.GetStringAsync(Seed.ArticleUrl)).Single(j => j.GetProperty("@type").GetString() == "BreadcrumbList").GetProperty("itemListElement");

        Assert.Equal(["Home", "News of the Region", "News", "UNHCR convenes regional conference on refugee protection and migration"],
            crumbs.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([1, 2, 3, 4], crumbs.EnumerateArray().Select(c => c.GetProperty("position").GetInt32()));
    }

    [Theory]
    [InlineData(Seed.ArticleUrl)]
    [InlineData(Seed.ConferenceUrl)]
    [InlineData("/processes/almaty-process")]
    [InlineData("/sections/news")]
    public async Task Json_ld_script_types_are_written_as_is_for_tools_that_read_the_raw_html(string url)
    {
        var html = await Client.GetStringAsync(url);

        Assert.Contains("<script type=\"application/ld+json\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ld&#x2B;json", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Seed.ArticleUrl)]
    [InlineData(Seed.ConferenceUrl)]
    [InlineData("/processes/almaty-process")]
    [InlineData("/ru/conferences/regionalnaya-konferentsiya-almaty-2011")]
    public async Task Json_ld_leaves_out_what_a_record_does_not_have_instead_of_writing_null(string url)
    {
        static IEnumerable<string> Nulls(JsonElement e, string at) => e.ValueKind switch
        {
            JsonValueKind.Null => [at],
            JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Nulls(p.Value, at + "." + p.Name)),
            JsonValueKind.Array => e.EnumerateArray().SelectMany((item, i) => Nulls(item, $"{at}[{i}]")),
            _ => [],
        };
        var ld = JsonLd(await Client.GetStringAsync(url));

        Assert.NotEmpty(ld);
        Assert.Empty(ld.SelectMany(j => Nulls(j, j.GetProperty("@type").GetString()!)));
    }

    [Fact]
    public async Task A_title_containing_a_closing_script_tag_cannot_break_out_of_the_json_ld()
    {
        var html = await Client.GetStringAsync("/news/breaking-script-script-alert-1-script-news");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.All(document.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        var article = JsonLd(html).Single(j => j.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal("Breaking </script><script>alert(1)</script> news", article.GetProperty("headline").GetString());
    }

    [Theory]
    [InlineData("/", "website")]
    [InlineData(Seed.ArticleUrl, "article")]
    [InlineData(Seed.ConferenceUrl, "website")]
    [InlineData("/news?page=1", "website")]
    public async Task Every_page_has_a_title_description_canonical_link_and_sharing_tags(string url, string type)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await Client.GetStringAsync(url));
        string? Meta(string key) => document.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

        Assert.False(string.IsNullOrWhiteSpace(document.Title));
        Assert.False(string.IsNullOrWhiteSpace(Meta("description")));
        Assert.Equal("https://portal.example.org" + url.Split('?')[0], document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(type, Meta("og:type"));
        Assert.False(string.IsNullOrWhiteSpace(Meta("og:title")));
        Assert.False(string.IsNullOrWhiteSpace(Meta("twitter:card")));
    }

    [Fact]
    public async Task The_article_shares_its_image_with_width_and_height()
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await Client.GetStringAsync(Seed.ArticleUrl));
        string? Meta(string key) => document.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

        Assert.StartsWith("https://portal.example.org/media/almaty-conference-2011-", Meta("og:image"), StringComparison.Ordinal);
        Assert.Equal(("1200", "675"), (Meta("og:image:width"), Meta("og:image:height")));
        Assert.Equal("summary_large_image", Meta("twitter:card"));
    }

    [Fact]
    public async Task A_conference_ics_is_an_all_day_event_with_an_exclusive_end_and_a_stable_uid()
    {
        var response = await Client.GetAsync(Seed.ConferenceUrl + ".ics");
        var ics = await response.Content.ReadAsStringAsync();
        var again = await Client.GetStringAsync(Seed.ConferenceUrl + ".ics");

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART;VALUE=DATE:20110315\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;VALUE=DATE:20110317\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nLOCATION:Almaty\\, Kazakhstan\r\n", ics, StringComparison.Ordinal);
        var uid = ics.Split("\r\n").Single(l => l.StartsWith("UID:", StringComparison.Ordinal));
        Assert.Contains(uid, again, StringComparison.Ordinal);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public async Task The_calendar_feed_lists_all_conferences()
    {
        var ics = await Client.GetStringAsync("/conferences/calendar.ics");

        Assert.Equal(1, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART;VALUE=DATE:20110315", ics, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"text/calendar\"", await Client.GetStringAsync("/conferences"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archives_list_news_by_year_and_month()
    {
        var index = await Client.GetStringAsync("/news/archive");
        var year = Html.Text(await Client.GetStringAsync("/news/archive/2011"));
        var month = Html.Text(await Client.GetStringAsync("/news/archive/2011/03"));

        Assert.Contains("href=\"/news/archive/2011/03\"", index, StringComparison.Ordinal);
        Assert.Contains("href=\"/news/archive/2012/04\"", index, StringComparison.Ordinal);
        Assert.Contains("UNHCR convenes", year, StringComparison.Ordinal);
        Assert.DoesNotContain("Breaking", year, StringComparison.Ordinal);
        Assert.Contains("News from March 2011", month, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/news/archive/2011/02")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/news/archive/2011/13")).StatusCode);
    }

    [Fact]
    public async Task The_archive_counts_each_article_in_its_almaty_month_even_near_midnight()
    {
        using var content = new ContentFolder();
        content.WriteArticle("2012-04-15-mid.md", "title: Mid April\nsection: news\nstatus: published\npublish_date: 2012-04-15T09:00:00+06:00");
        content.WriteArticle("2012-04-30-late.md", "title: Late April\nsection: news\nstatus: published\npublish_date: 2012-04-30T23:30:00+06:00");
        content.WriteArticle("2012-05-01-early.md", "title: Early May\nsection: news\nstatus: published\npublish_date: 2012-05-01T00:30:00+06:00");
        using var portal = new PortalFactory(content.Path);

        var index = Html.Text(await portal.CreateReader().GetStringAsync("/news/archive"));

        // 00:30 on 1 May in Almaty is still 30 April in UTC; 23:30 on 30 April is 17:30 UTC.
        Assert.Contains("2012 (3)", index, StringComparison.Ordinal);
        Assert.Matches("April\\s*\\(2\\)", index);
        Assert.Matches("May\\s*\\(1\\)", index);
    }

    [Fact]
    public async Task Articles_show_related_articles_that_share_a_tag()
    {
        var html = await Client.GetStringAsync("/news/breaking-script-script-alert-1-script-news");

        Assert.Contains("Related news", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Seed.ArticleUrl}\">", Html.Section(html, "<section class=\"related\"", "section"), StringComparison.Ordinal);
    }
}

/// <summary>The same feeds, sitemap, calendars and structured data on PostgreSQL.</summary>
public sealed class MachineReadableOnPostgreSqlTests(MachineReadableTests.PostgreSqlPortal portal) : MachineReadableTests(portal), IClassFixture<MachineReadableTests.PostgreSqlPortal>;
