using System.Globalization;
using System.Net;
using System.Text.Json;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Processes;
using AlmatyPortal.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Integration;

/// <summary>Process timelines: the seeded Almaty Process, its pages in both languages, the links back to it, and its editor.</summary>
public class ProcessTests : IDisposable
{
    private const string ProcessUrl = "/processes/almaty-process";
    private const string RussianProcessUrl = "/ru/processes/almatinskiy-protsess";
    private readonly PortalFactory _portal;

    public ProcessTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected ProcessTests(PortalDatabase database) => _portal = new(null, database: database);

    public void Dispose()
    {
        _portal.Dispose();
        GC.SuppressFinalize(this);
    }

    private static List<(string Kind, string Title)> Timeline(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("ol.timeline > li")
            .Select(li => (li.ClassName!.Replace("timeline-", "", StringComparison.Ordinal), li.QuerySelector("h3")!.TextContent.Trim())).ToList();

    private static JsonElement JsonLd(string html, string type) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement).Single(e => e.GetProperty("@type").GetString() == type);

    [Fact]
    public async Task The_seeded_almaty_process_shows_the_founding_conference_the_declaration_and_the_report_in_date_order_and_nothing_invented()
    {
        var html = await _portal.CreateReader().GetStringAsync(ProcessUrl);

        Assert.Equal(
            [
                ("foundingconference", "Regional Conference on Refugee Protection and International Migration in Central Asia"),
                ("document", "Almaty Declaration"),
                ("news", "UNHCR convenes regional conference on refugee protection and migration"),
            ],
            Timeline(html));
        Assert.Contains("15–16 March 2011", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("capacity building", Html.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_russian_process_page_shows_the_russian_version_of_each_line_and_links_the_english_page()
    {
        var html = await _portal.CreateReader().GetStringAsync(RussianProcessUrl);

        Assert.Equal(
            [
                ("foundingconference", "Региональная конференция по защите беженцев и международной миграции в Центральной Азии"),
                ("document", "Алматинская декларация"),
                ("news", "УВКБ ООН провело региональную конференцию по защите беженцев и миграции"),
            ],
            Timeline(html));
        Assert.Contains($"href=\"/ru/conferences/{Seed.RussianConferenceSlug}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/ru/news/{Seed.RussianArticleSlug}\"", html, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\" href=\"http://localhost/processes/almaty-process\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_conference_and_its_report_link_back_to_the_process_in_both_languages()
    {
        var reader = _portal.CreateReader();

        Assert.Contains($"href=\"{ProcessUrl}\">Almaty Process</a>", await reader.GetStringAsync(Seed.ConferenceUrl), StringComparison.Ordinal);
        Assert.Contains($"href=\"{ProcessUrl}\">Almaty Process</a>", await reader.GetStringAsync(Seed.ArticleUrl), StringComparison.Ordinal);
        Assert.Contains($"href=\"{RussianProcessUrl}\">Алматинский процесс</a>", await reader.GetStringAsync("/ru/conferences/" + Seed.RussianConferenceSlug), StringComparison.Ordinal);
        Assert.Contains($"href=\"{RussianProcessUrl}\">Алматинский процесс</a>", await reader.GetStringAsync("/ru/news/" + Seed.RussianArticleSlug), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_page_describes_an_event_series_whose_event_is_the_conference_and_the_conference_names_its_series()
    {
        var reader = _portal.CreateReader();

        var series = JsonLd(await reader.GetStringAsync(ProcessUrl), "EventSeries");
        var meeting = Assert.Single(series.GetProperty("subEvent").EnumerateArray());
        Assert.Equal("Almaty Process", series.GetProperty("name").GetString());
        Assert.Equal("2011-03-15", series.GetProperty("startDate").GetString());
        Assert.Equal("http://localhost" + Seed.ConferenceUrl, meeting.GetProperty("url").GetString());
        Assert.Equal("2011-03-16", meeting.GetProperty("endDate").GetString());

        var conference = JsonLd(await reader.GetStringAsync(Seed.ConferenceUrl), "Event");
        Assert.Equal("http://localhost" + ProcessUrl, conference.GetProperty("superEvent").GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_process_is_listed_in_the_sitemap_with_its_russian_alternate_and_on_the_process_list()
    {
        var reader = _portal.CreateReader();

        var sitemap = await reader.GetStringAsync("/sitemap.xml");
        Assert.Contains("<loc>http://localhost/processes/almaty-process</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>http://localhost/ru/processes/almatinskiy-protsess</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"ru\" href=\"http://localhost/ru/processes/almatinskiy-protsess\"", sitemap, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ProcessUrl}\">Almaty Process</a>", await reader.GetStringAsync("/processes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_feed_lists_its_timeline_newest_first_with_links_to_each_page()
    {
        var reader = _portal.CreateReader();
        var page = await reader.GetStringAsync(ProcessUrl);
        Assert.Contains("href=\"/feeds/processes/almaty-process.atom\"", page, StringComparison.Ordinal);

        var response = await reader.GetAsync("/feeds/processes/almaty-process.atom");
        var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(
            ["http://localhost" + Seed.ArticleUrl, "http://localhost/processes/almaty-process#document-" + await DeclarationIdAsync(), "http://localhost" + Seed.ConferenceUrl],
            feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "link")!.Attribute("href")!.Value));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/ru/feeds/processes/almatinskiy-protsess.rss")).StatusCode);
    }

    private Task<string> DeclarationIdAsync() => _portal.WithDbAsync(async db =>
        (await db.Conferences.Where(c => c.Slug == Seed.ConferenceSlug).SelectMany(c => c.Documents).Select(d => d.Id).SingleAsync()).ToString(CultureInfo.InvariantCulture));

    [Fact]
    public async Task An_unknown_or_draft_process_is_not_found()
    {
        var reader = _portal.CreateReader();
        await _portal.WithDbAsync(async db =>
        {
            db.Processes.Add(new Process { Slug = "unannounced", Name = "Unannounced", Status = PublicationStatus.Draft, Version = 1 });
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/processes/no-such-process")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/processes/unannounced")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/feeds/processes/unannounced.atom")).StatusCode);
        Assert.DoesNotContain("unannounced", await reader.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
    }

    private async Task<(HttpClient Editor, int Conference, int FollowUp, int Article)> FollowUpAsync()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var ids = await _portal.WithDbAsync(async db => (
            await db.Conferences.Where(c => c.Slug == Seed.ConferenceSlug).Select(c => c.Id).SingleAsync(),
            await db.Articles.Where(a => a.Slug == Seed.ArticleSlug).Select(a => a.Id).SingleAsync()));
        var token = await Staff.TokenAsync(editor, "/admin/conferences/edit", "form.editor");
        var followUp = await editor.PostAsync("/admin/conferences/edit?handler=Publish", Staff.Form(token,
            ("Input.Title", "Almaty Process follow-up meeting"), ("Input.City", "Bishkek"), ("Input.StartDate", "2012-05-10"), ("Input.EndDate", "2012-05-11"),
            ("Input.Summary", "Delegations met again."), ("Input.Language", "en")));
        var followUpId = int.Parse(followUp.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
        return (editor, ids.Item1, followUpId, ids.Item2);
    }

    [Fact]
    public async Task An_editor_makes_a_process_of_a_founding_conference_a_follow_up_meeting_and_news_and_publishes_it()
    {
        var (editor, conference, followUp, article) = await FollowUpAsync();
        var token = await Staff.TokenAsync(editor, "/admin/processes/edit", "#process-editor");

        var saved = await editor.PostAsync("/admin/processes/edit?handler=Publish", Staff.Form(token,
            ("Input.Name", "Border dialogue"), ("Input.Summary", "A test process."), ("Input.Language", "en"),
            ("Input.FoundingConference", conference.ToString(CultureInfo.InvariantCulture)),
            ("Input.FollowUpConferences", followUp.ToString(CultureInfo.InvariantCulture)),
            ("Input.Articles", article.ToString(CultureInfo.InvariantCulture))));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await _portal.CreateReader().GetStringAsync("/processes/border-dialogue");
        Assert.Equal(["foundingconference", "document", "news", "followupconference"], Timeline(html).Select(e => e.Kind));
        Assert.Contains("Bishkek", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains(">Border dialogue</a>", await _portal.CreateReader().GetStringAsync("/conferences/almaty-process-follow-up-meeting"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_translated_process_shares_the_meetings_of_its_original_and_is_public_once_published()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var id = await _portal.WithDbAsync(db => db.Processes.Where(p => p.Slug == "almaty-process").Select(p => p.Id).SingleAsync());
        await _portal.WithDbAsync(async db =>
        {
            await db.Processes.Where(p => p.Language == "ru").ExecuteDeleteAsync();
            return true;
        });
        var token = await Staff.TokenAsync(editor, $"/admin/processes/edit/{id}", "form.inline-form");

        var started = await editor.PostAsync($"/admin/processes/edit/{id}?handler=Translate", Staff.Form(token, ("language", "ru")));
        var translation = int.Parse(started.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateReader().GetAsync("/ru/processes/almaty-process")).StatusCode);
        var fields = (await FormValues.ReadAsync(editor, $"/admin/processes/edit/{translation}", "#process-editor")).With("Input.Name", "Алматинский процесс");
        Assert.Contains(fields, f => f.Name == "Input.FoundingConference" && f.Value.Length > 0);
        await editor.PostAsync($"/admin/processes/edit/{translation}?handler=Publish", Staff.Form(null, [.. fields]));

        var html = await _portal.CreateReader().GetStringAsync("/ru/processes/almaty-process");
        Assert.Equal("foundingconference", Timeline(html)[0].Kind);
        Assert.Contains($"href=\"/ru/conferences/{Seed.RussianConferenceSlug}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_from_an_older_version_is_refused_with_409_and_the_newer_text_is_kept()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var id = await _portal.WithDbAsync(db => db.Processes.Where(p => p.Slug == "almaty-process").Select(p => p.Id).SingleAsync());
        var page = $"/admin/processes/edit/{id}";
        var form = await FormValues.ReadAsync(editor, page, "#process-editor");
        await editor.PostAsync(page + "?handler=Save", Staff.Form(null, [.. form.With("Input.Summary", "First editor's summary.")]));

        var late = await editor.PostAsync(page + "?handler=Save", Staff.Form(null, [.. form.With("Input.Summary", "Second editor's summary.")]));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Second editor&#x27;s summary.", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("First editor's summary.", await _portal.WithDbAsync(db => db.Processes.Where(p => p.Id == id).Select(p => p.Summary).SingleAsync()));
    }

    [Fact]
    public async Task A_process_with_an_unknown_conference_or_its_founding_conference_as_a_follow_up_is_refused_and_nothing_is_saved()
    {
        var (editor, conference, _, _) = await FollowUpAsync();
        var token = await Staff.TokenAsync(editor, "/admin/processes/edit", "#process-editor");

        var unknown = await editor.PostAsync("/admin/processes/edit?handler=Save", Staff.Form(token, ("Input.Name", "Refused one"), ("Input.FollowUpConferences", "999999")));
        var twice = await editor.PostAsync("/admin/processes/edit?handler=Save", Staff.Form(token, ("Input.Name", "Refused two"),
            ("Input.FoundingConference", conference.ToString(CultureInfo.InvariantCulture)), ("Input.FollowUpConferences", conference.ToString(CultureInfo.InvariantCulture))));

        Assert.Contains("Choose conferences from the lists.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The founding conference cannot also be a follow-up meeting.", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await _portal.WithDbAsync(db => db.Processes.AnyAsync(p => p.Name.StartsWith("Refused"))));
    }
}

public sealed class ProcessOnPostgreSqlTests() : ProcessTests(PortalDatabase.PostgreSql);
