using System.Net;
using AlmatyPortal.Tests.Support;

namespace AlmatyPortal.Tests.Integration;

public class PublicPagesTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    public static TheoryData<string> PublicUrls =>
    [
        "/", "/news", "/sections/news-of-the-region", "/sections/news", "/tags/almaty-declaration", "/tags/refugee-protection",
        "/conferences", Seed.ArticleUrl, Seed.ConferenceUrl, "/processes", "/processes/almaty-process",
    ];

    [Theory]
    [MemberData(nameof(PublicUrls))]
    public async Task Every_public_page_answers_200_with_one_h1_the_layout_and_the_donate_call(string url)
    {
        var response = await portal.CreateReader().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(1, Html.Count(html, "h1"));
        Assert.Equal(1, Html.Count(html, "main"));
        Assert.Contains("<header", html, StringComparison.Ordinal);
        Assert.Contains("<footer", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/donate?from={Uri.EscapeDataString(url)}\">DONATE NOW</a>", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_seed_report_shows_breadcrumb_date_image_credit_body_tags_and_its_conference()
    {
        var html = await portal.CreateReader().GetStringAsync(Seed.ArticleUrl);
        var text = Html.Text(html);

        Assert.Contains("Home › News of the Region › News", Html.Text(Html.Section(html, "<nav class=\"breadcrumb\"", "nav")), StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2011-03-17T10:00:00&#x2B;06:00\">17.03.2011</time>", html, StringComparison.Ordinal);
        Assert.Matches("<img src=\"/media/almaty-conference-2011-[0-9a-f]{10}\\.png\" alt=\"Illustration of a conference platform[^\"]+\" width=\"1200\" height=\"675\"", html);
        Assert.Contains("<span class=\"credit\">© UNHCR</span>", html, StringComparison.Ordinal);
        Assert.Contains("15–16 March 2011", text, StringComparison.Ordinal);
        Assert.Contains($"“{Seed.Quotation}” said Ms Feller", text, StringComparison.Ordinal);
        Assert.Contains("Ms Erika Feller, UNHCR's Assistant High Commissioner for Protection", text, StringComparison.Ordinal);
        Assert.Contains("More than 100 representatives, most of them at ministerial level", text, StringComparison.Ordinal);
        foreach (var country in Seed.ParticipatingCountries)
        {
            Assert.Contains(country, text, StringComparison.Ordinal);
        }
        Assert.Contains("adopted the Almaty Declaration", text, StringComparison.Ordinal);
        Assert.Contains("may in future be referred to as the \"Almaty Process\", with a specific focus on capacity building", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/tags/almaty-declaration\">Almaty Declaration</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Seed.ConferenceUrl}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_report_names_every_organisation_in_its_role()
    {
        var text = Html.Text(await portal.CreateReader().GetStringAsync(Seed.ArticleUrl));

        Assert.Contains("UNHCR and the International Organization for Migration (IOM) organised the conference in cooperation with the United Nations Regional Center for Preventive Diplomacy for Central Asia (UNRCCA), with the support of the Organization for Security and Cooperation in Europe (OSCE)", text, StringComparison.Ordinal);
        Assert.Contains("The Government of Kazakhstan hosted the event", text, StringComparison.Ordinal);
        Assert.Contains("the European Commission and the Bureau of Population, Refugees and Migration of the U.S. Department of State provided the funding", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_conference_record_shows_dates_place_roles_speaker_countries_topics_outcomes_and_reports()
    {
        var html = await portal.CreateReader().GetStringAsync(Seed.ConferenceUrl);
        var text = Html.Text(html);

        Assert.Contains("15–16 March 2011 · Almaty, Kazakhstan", text, StringComparison.Ordinal);
        Assert.Contains("Organised by Office of the United Nations High Commissioner for Refugees (UNHCR) International Organization for Migration (IOM)", text, StringComparison.Ordinal);
        Assert.Contains("In cooperation with United Nations Regional Center for Preventive Diplomacy for Central Asia (UNRCCA)", text, StringComparison.Ordinal);
        Assert.Contains("Supported by Organization for Security and Cooperation in Europe (OSCE)", text, StringComparison.Ordinal);
        Assert.Contains("Hosted by Government of Kazakhstan", text, StringComparison.Ordinal);
        Assert.Contains("Funded by European Commission Bureau of Population, Refugees and Migration, U.S. Department of State", text, StringComparison.Ordinal);
        Assert.Contains("Erika Feller, UNHCR's Assistant High Commissioner for Protection (opening session)", text, StringComparison.Ordinal);
        Assert.Contains("More than 100 participants, mostly at ministerial level, from 10 countries:", text, StringComparison.Ordinal);
        var countries = Html.Section(html, "<ul class=\"countries\">", "ul");
        Assert.Equal(10, Html.Count(countries, "li"));
        foreach (var country in Seed.ParticipatingCountries)
        {
            Assert.Contains(country, Html.Text(countries), StringComparison.Ordinal);
        }
        Assert.Contains("Managing borders while ensuring refugee protection", text, StringComparison.Ordinal);
        Assert.Contains("Preventing trafficking and protecting its victims, especially children", text, StringComparison.Ordinal);
        Assert.Contains("Almaty Declaration Adopted by the participating countries", text, StringComparison.Ordinal);
        Assert.Contains("Follow-up: Almaty Process", text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Seed.ArticleUrl}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_lists_the_latest_news_and_the_recent_conference()
    {
        var html = await portal.CreateReader().GetStringAsync("/");

        Assert.Contains($"<a href=\"{Seed.ArticleUrl}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Seed.ConferenceUrl}\">", html, StringComparison.Ordinal);
        Assert.Contains("17.03.2011", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_conference_list_files_past_conferences_under_their_year()
    {
        var text = Html.Text(await portal.CreateReader().GetStringAsync("/conferences"));

        Assert.Contains("Past conferences 2011 Regional Conference on Refugee Protection", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conference_that_has_not_ended_is_listed_as_upcoming()
    {
        // Start the shared portal first, if this test is its first: it imports content/ as it starts, and at the test's
        // date the seed report (published 17.03.2011) would be imported as scheduled, for every later test.
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateReader().GetAsync("/healthz")).StatusCode);
        portal.Clock.Set(new DateTimeOffset(2011, 3, 10, 12, 0, 0, TimeSpan.Zero));
        try
        {
            var text = Html.Text(await portal.CreateReader().GetStringAsync("/conferences"));
            Assert.Contains("Upcoming Regional Conference on Refugee Protection", text, StringComparison.Ordinal);
        }
        finally
        {
            portal.Clock.Reset();
        }
    }

    [Theory]
    [InlineData("/news/no-such-article")]
    [InlineData("/conferences/no-such-conference")]
    [InlineData("/sections/no-such-section")]
    [InlineData("/tags/no-such-tag")]
    [InlineData("/no/such/page")]
    public async Task Unknown_addresses_answer_404_in_the_site_layout_with_a_link_home(string url)
    {
        var response = await portal.CreateReader().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Go to the home page</a>", html, StringComparison.Ordinal);
        Assert.Contains("DONATE NOW", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_is_reachable()
    {
        var response = await portal.CreateReader().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Media_is_served_with_nosniff_and_a_long_cache_lifetime()
    {
        var html = await portal.CreateReader().GetStringAsync(Seed.ArticleUrl);
        var src = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/media/[^\"]+)\"").Groups[1].Value;

        var response = await portal.CreateReader().GetAsync(src);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Russian_and_typographic_characters_are_written_as_themselves_not_as_entities()
    {
        var html = await portal.CreateReader().GetStringAsync(Seed.ArticleUrl);

        Assert.Contains("15–16 March 2011", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x2013;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x203A;", html, StringComparison.Ordinal);
    }
}

/// <summary>The same public pages, with the same assertions, on PostgreSQL.</summary>
public sealed class PublicPagesOnPostgreSqlTests(PostgreSqlSeededPortal portal) : PublicPagesTests(portal), IClassFixture<PostgreSqlSeededPortal>;
