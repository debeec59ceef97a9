using System.Globalization;
using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Articles;
using AlmatyPortal.Web.Features.Content;
using AlmatyPortal.Web.Features.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Caching;

/// <summary>
/// One test per kind of change: the pages it affects are read until cached, the change is made as staff make it, and the
/// very next read shows it; pages it does not affect are still served from the cache.
/// </summary>
public sealed class PagePurgeTests : IDisposable
{
    private readonly ContentFolder _content = new();
    private readonly PortalFactory _portal;
    private readonly CachedReader _reader;

    public PagePurgeTests()
    {
        _portal = new PortalFactory(_content.Path, CachedReader.Settings);
        _reader = new CachedReader(_portal);
    }

    public void Dispose()
    {
        _portal.Dispose();
        _content.Dispose();
    }

    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private Task<HttpClient> EditorAsync() => Staff.SignedInAsync(_portal, StaffRoles.Editor);

    private Task<int> SectionAsync(string slug = "news") => Seed.SectionIdAsync(_portal, slug);

    /// <summary>A second top-level section, "Statements", for pages a change in "News" must leave alone.</summary>
    private async Task<int> OtherSectionAsync()
    {
        await _portal.WithDbAsync(async db =>
        {
            db.Sections.Add(new Section { Slug = "statements", Name = "Statements", SortOrder = 9 });
            await db.SaveChangesAsync();
        });
        return await SectionAsync("statements");
    }

    private static async Task<int> PublishAsync(HttpClient editor, string title, string slug, int section, string tags = "", string body = "Text.") =>
        Editor.IdFrom(await Editor.PostAsync(editor, null, "Publish", Editor.Fields(title, body, section, slug: slug, tags: tags)));

    [Fact]
    public async Task Saving_an_article_purges_its_page_and_the_lists_that_show_it_and_nothing_else()
    {
        var editor = await EditorAsync();
        var news = await SectionAsync();
        var id = await PublishAsync(editor, "Border monitoring report", "border-monitoring-report", news, tags: "Borders");
        await PublishAsync(editor, "Winter appeal", "winter-appeal", await OtherSectionAsync());
        await _reader.WarmAsync("/news/border-monitoring-report", "/news", "/", "/sections/news", "/sections/news-of-the-region", "/tags/borders",
            "/feeds/news.rss", "/news/winter-appeal", "/sections/statements", Seed.ConferenceUrl, "/ru/news", "/ru/");

        await Editor.PostAsync(editor, id, "Save", Editor.Fields("Border monitoring report, revised", "Text.", news, version: 1, slug: "border-monitoring-report", tags: "Borders"));

        foreach (var page in new[] { "/news/border-monitoring-report", "/news", "/", "/sections/news", "/sections/news-of-the-region", "/tags/borders", "/feeds/news.rss" })
        {
            Assert.Contains("Border monitoring report, revised", await _reader.FreshAsync(page), StringComparison.Ordinal);
        }
        await _reader.StillCachedAsync("/news/winter-appeal", "/sections/statements", Seed.ConferenceUrl, "/ru/news", "/ru/");
    }

    [Fact]
    public async Task Publishing_a_new_article_puts_it_on_every_list_feed_sitemap_and_search_at_once()
    {
        var editor = await EditorAsync();
        await _reader.WarmAsync("/news", "/", "/sections/news", "/sections/news-of-the-region", "/tags/migration", "/news/archive", "/feeds/news.atom",
            "/feeds/tags/migration.rss", "/sitemap.xml", "/search?q=kilimanjaro", Seed.ConferenceUrl, "/ru/news", "/conferences");

        await PublishAsync(editor, "Kilimanjaro border report", "kilimanjaro-border-report", await SectionAsync(), tags: "Migration");

        foreach (var page in new[] { "/news", "/", "/sections/news", "/sections/news-of-the-region", "/tags/migration", "/feeds/news.atom", "/feeds/tags/migration.rss", "/sitemap.xml", "/search?q=kilimanjaro" })
        {
            Assert.Contains("kilimanjaro-border-report", await _reader.FreshAsync(page), StringComparison.Ordinal);
        }
        var month = await _portal.WithServicesAsync(async sp => sp.GetRequiredService<Web.Infrastructure.OfficeClock>().ToLocal(
            await sp.GetRequiredService<Web.Infrastructure.PortalDbContext>().Articles.Where(a => a.Slug == "kilimanjaro-border-report").Select(a => a.PublishAt!.Value).SingleAsync()));
        Assert.Contains($"/news/archive/{month:yyyy}/{month:MM}\">", await _reader.FreshAsync("/news/archive"), StringComparison.Ordinal);
        await _reader.StillCachedAsync(Seed.ConferenceUrl, "/ru/news", "/conferences");
    }

    [Fact]
    public async Task Unpublishing_and_deleting_take_the_article_off_its_page_and_its_lists_at_once()
    {
        var editor = await EditorAsync();
        var news = await SectionAsync();
        var id = await PublishAsync(editor, "Short lived", "short-lived", news);
        await _reader.WarmAsync("/news/short-lived", "/news");

        await Editor.PostAsync(editor, id, "Unpublish", Editor.Fields("Short lived", "Text.", news, version: 1, slug: "short-lived"));

        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/news/short-lived")).StatusCode);
        Assert.DoesNotContain("short-lived", await _reader.FreshAsync("/news"), StringComparison.Ordinal);

        await Editor.PostAsync(editor, id, "Publish", Editor.Fields("Short lived", "Text.", news, version: 2, slug: "short-lived"));
        await _reader.WarmAsync("/news/short-lived", "/news");
        var token = await Staff.TokenAsync(editor, $"/admin/articles/edit/{id}", "#article-editor");
        var deleted = await editor.PostAsync($"/admin/articles/edit/{id}?handler=Delete", Staff.Form(token, ("Input.Version", "3")));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/news/short-lived")).StatusCode);
        Assert.DoesNotContain("short-lived", await _reader.FreshAsync("/news"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_an_earlier_version_shows_its_text_at_once()
    {
        var editor = await EditorAsync();
        var news = await SectionAsync();
        var id = await PublishAsync(editor, "Revised", "revised", news, body: "Version one.");
        await Editor.PostAsync(editor, id, "Save", Editor.Fields("Revised", "Version two.", news, version: 1, slug: "revised"));
        await _reader.WarmAsync("/news/revised");
        var token = await Staff.TokenAsync(editor, $"/admin/articles/{id}/history", "form.hidden-form");

        var restored = await editor.PostAsync($"/admin/articles/{id}/history?handler=Restore", Staff.Form(token, ("version", "1"), ("currentVersion", "2")));

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("Version one.", await _reader.FreshAsync("/news/revised"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linking_a_translation_and_changing_a_slug_update_both_languages_pages()
    {
        var editor = await EditorAsync();
        var news = await SectionAsync();
        var id = await PublishAsync(editor, "Border monitoring report", "border-monitoring-report", news);
        await _reader.WarmAsync("/news/border-monitoring-report", "/ru/news");
        var token = await Staff.TokenAsync(editor, $"/admin/articles/edit/{id}", "#article-editor");
        var translation = Editor.IdFrom(await editor.PostAsync($"/admin/articles/edit/{id}?handler=Translate", Staff.Form(token, ("language", "ru"))));

        await Editor.PostAsync(editor, translation, "Publish", Editor.Fields("Отчёт о мониторинге границы", "Текст.", news, version: 1, slug: "otchet-o-granitse"));

        Assert.Contains("hreflang=\"ru\" href=\"http://localhost/ru/news/otchet-o-granitse\"", await _reader.FreshAsync("/news/border-monitoring-report"), StringComparison.Ordinal);
        Assert.Contains("otchet-o-granitse", await _reader.FreshAsync("/ru/news"), StringComparison.Ordinal);

        await _reader.WarmAsync("/ru/news/otchet-o-granitse", "/news/border-monitoring-report");
        var version = await _portal.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var renamed = await Editor.PostAsync(editor, id, "Save", Editor.Fields("Border monitoring report", "Text.", news, version: version, slug: "border-report"));

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        Assert.Equal(HttpStatusCode.MovedPermanently, (await _reader.GetAsync("/news/border-monitoring-report")).StatusCode);
        Assert.Contains("href=\"http://localhost/news/border-report\"", await _reader.FreshAsync("/ru/news/otchet-o-granitse"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_article_appears_on_the_lists_when_the_scheduler_publishes_it()
    {
        var editor = await EditorAsync();
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)); // 09:00 in Almaty
        await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Embargoed", "Text.", await SectionAsync(), slug: "embargoed", publishAt: "2026-11-28T12:00"));
        await _reader.WarmAsync("/news", "/", "/ru/news");

        _portal.Clock.Set(new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero)); // 12:00 the same day
        var published = await _portal.WithServicesAsync(sp => sp.GetRequiredService<ScheduledPublishing>().PublishDueAsync());

        Assert.Equal(1, published);
        Assert.Contains("/news/embargoed", await _reader.FreshAsync("/news"), StringComparison.Ordinal);
        Assert.Contains("/news/embargoed", await _reader.FreshAsync("/"), StringComparison.Ordinal);
        await _reader.StillCachedAsync("/ru/news");
    }

    [Fact]
    public async Task Editing_a_conference_record_purges_its_page_the_conference_lists_and_its_calendar()
    {
        var editor = await EditorAsync();
        var page = await Seed.AddressAsync(_portal, "/admin/conferences/edit/{conference}");
        await _reader.WarmAsync(Seed.ConferenceUrl, "/conferences", "/", "/conferences/calendar.ics", "/news", "/ru/news", "/ru/conferences/" + Seed.RussianConferenceSlug);
        var fields = (await FormValues.ReadAsync(editor, page, "form.editor")).With("Input.Venue", "Conference hall");

        var saved = await editor.PostAsync(page + "?handler=Save", Staff.Form(null, [.. fields]));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Conference hall, Almaty", Html.Text(await _reader.FreshAsync(Seed.ConferenceUrl)), StringComparison.Ordinal);
        Assert.Contains("Conference hall", await _reader.FreshAsync("/conferences/calendar.ics"), StringComparison.Ordinal);
        await _reader.FreshAsync("/conferences");
        // The Russian record links this one, so it is purged with it; the news lists show no conference.
        await _reader.FreshAsync("/ru/conferences/" + Seed.RussianConferenceSlug);
        await _reader.StillCachedAsync("/news", "/ru/news");
    }

    [Fact]
    public async Task Renaming_a_process_purges_its_page_its_list_and_the_conference_and_report_pages_that_link_it_and_nothing_else()
    {
        var editor = await EditorAsync();
        var id = await _portal.WithDbAsync(db => db.Processes.Where(p => p.Slug == "almaty-process").Select(p => p.Id).SingleAsync());
        await _reader.WarmAsync("/processes/almaty-process", "/processes", Seed.ConferenceUrl, Seed.ArticleUrl, "/news", "/conferences");
        var page = $"/admin/processes/edit/{S(id)}";
        var fields = (await FormValues.ReadAsync(editor, page, "#process-editor")).With("Input.Name", "Almaty Process on asylum and migration");

        var saved = await editor.PostAsync(page + "?handler=Save", Staff.Form(null, [.. fields]));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<h1>Almaty Process on asylum and migration</h1>", await _reader.FreshAsync("/processes/almaty-process"), StringComparison.Ordinal);
        Assert.Contains(">Almaty Process on asylum and migration</a>", await _reader.FreshAsync("/processes"), StringComparison.Ordinal);
        Assert.Contains(">Almaty Process on asylum and migration</a>", await _reader.FreshAsync(Seed.ConferenceUrl), StringComparison.Ordinal);
        Assert.Contains(">Almaty Process on asylum and migration</a>", await _reader.FreshAsync(Seed.ArticleUrl), StringComparison.Ordinal);
        await _reader.StillCachedAsync("/news", "/conferences");
    }

    [Fact]
    public async Task Editing_a_conference_record_purges_the_timeline_of_its_process()
    {
        var editor = await EditorAsync();
        var page = await Seed.AddressAsync(_portal, "/admin/conferences/edit/{conference}");
        await _reader.WarmAsync("/processes/almaty-process");
        var fields = (await FormValues.ReadAsync(editor, page, "form.editor")).With("Input.Summary", "Delegations met in Almaty.");

        await editor.PostAsync(page + "?handler=Save", Staff.Form(null, [.. fields]));

        Assert.Contains("Delegations met in Almaty.", await _reader.FreshAsync("/processes/almaty-process"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renaming_a_section_purges_the_pages_that_name_it_and_not_the_others()
    {
        var editor = await EditorAsync();
        var news = await SectionAsync();
        var parent = await SectionAsync("news-of-the-region");
        await PublishAsync(editor, "Winter appeal", "winter-appeal", await OtherSectionAsync());
        await _reader.WarmAsync(Seed.ArticleUrl, "/sections/news", "/sections/news-of-the-region", "/news/winter-appeal", "/sections/statements", Seed.ConferenceUrl);
        var token = await Staff.TokenAsync(editor, "/admin/sections");

        var saved = await editor.PostAsync($"/admin/sections?handler=Save&id={S(news)}", Staff.Form(token, ("name", "Regional news"), ("slug", "news"), ("parentId", S(parent))));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        foreach (var page in new[] { Seed.ArticleUrl, "/sections/news", "/sections/news-of-the-region" })
        {
            Assert.Contains("Regional news", await _reader.FreshAsync(page), StringComparison.Ordinal);
        }
        await _reader.StillCachedAsync("/news/winter-appeal", "/sections/statements", Seed.ConferenceUrl);
    }

    [Fact]
    public async Task Renaming_a_tag_purges_the_articles_that_carry_it_and_not_the_others()
    {
        var editor = await EditorAsync();
        var news = await SectionAsync();
        await PublishAsync(editor, "Border monitoring report", "border-monitoring-report", news, tags: "Borders");
        await PublishAsync(editor, "Winter appeal", "winter-appeal", news);
        await _reader.WarmAsync("/news/border-monitoring-report", "/tags/borders", "/news/winter-appeal");
        var tag = await _portal.WithDbAsync(db => db.Tags.Where(t => t.Slug == "borders").Select(t => t.Id).SingleAsync());
        var token = await Staff.TokenAsync(editor, "/admin/tags");

        await editor.PostAsync($"/admin/tags?handler=Rename&id={S(tag)}", Staff.Form(token, ("name", "Border crossings")));

        Assert.Contains("Border crossings", await _reader.FreshAsync("/news/border-monitoring-report"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync("/tags/border-crossings")).StatusCode);
        await _reader.StillCachedAsync("/news/winter-appeal");
    }

    [Fact]
    public async Task Renaming_an_organisation_purges_the_conference_pages_that_name_it()
    {
        var editor = await EditorAsync();
        var iom = await _portal.WithDbAsync(db => db.Organisations.Where(o => o.Slug == "iom").Select(o => o.Id).SingleAsync());
        await _reader.WarmAsync(Seed.ConferenceUrl, Seed.ArticleUrl, "/news");
        var token = await Staff.TokenAsync(editor, "/admin/organisations");

        await editor.PostAsync($"/admin/organisations?handler=Save&id={S(iom)}",
            Staff.Form(token, ("name", "International Organization for Migration (UN Migration)"), ("acronym", "IOM"), ("url", "https://www.iom.int/")));

        Assert.Contains("International Organization for Migration (UN Migration)", Html.Text(await _reader.FreshAsync(Seed.ConferenceUrl)), StringComparison.Ordinal);
        await _reader.StillCachedAsync(Seed.ArticleUrl, "/news");
    }

    [Fact]
    public async Task Correcting_an_images_alt_text_and_credit_purges_the_articles_that_show_it()
    {
        var editor = await EditorAsync();
        await PublishAsync(editor, "Winter appeal", "winter-appeal", await SectionAsync());
        var image = await _portal.WithDbAsync(db => db.Media.Where(m => m.FileName.StartsWith("almaty-conference-2011")).Select(m => m.Id).SingleAsync());
        await _reader.WarmAsync(Seed.ArticleUrl, "/news/winter-appeal", Seed.ConferenceUrl);
        var token = await Staff.TokenAsync(editor, "/admin/media", "form.compact");

        await editor.PostAsync($"/admin/media?handler=Update&id={S(image)}", Staff.Form(token,
            ("Details.AltText", "Delegates in the Almaty conference hall"), ("Details.Credit", "© UNHCR/Almaty office"), ("Details.Photographer", ""), ("Details.Licence", "")));

        var article = await _reader.FreshAsync(Seed.ArticleUrl);
        Assert.Contains("alt=\"Delegates in the Almaty conference hall\"", article, StringComparison.Ordinal);
        Assert.Contains("© UNHCR/Almaty office", article, StringComparison.Ordinal);
        await _reader.StillCachedAsync("/news/winter-appeal", Seed.ConferenceUrl);
    }

    [Fact]
    public async Task A_content_import_purges_the_pages_it_changed()
    {
        await _reader.WarmAsync("/news", "/", Seed.ConferenceUrl, "/ru/news");
        _content.WriteArticle("2026-11-20-imported-report.md", """
            title: Imported report
            section: news
            status: published
            publish_date: 2026-11-20T09:00:00+06:00
            """);

        var report = await _portal.WithServicesAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(_content.Path));

        Assert.Empty(report.Problems);
        Assert.Contains("/news/imported-report", await _reader.FreshAsync("/news"), StringComparison.Ordinal);
        Assert.Contains("/news/imported-report", await _reader.FreshAsync("/"), StringComparison.Ordinal);
        await _reader.StillCachedAsync(Seed.ConferenceUrl, "/ru/news");
    }

    [Fact]
    public async Task A_new_russian_name_for_a_section_purges_the_russian_pages_that_print_it()
    {
        var editor = await EditorAsync();
        var news = await SectionAsync();
        var parent = await SectionAsync("news-of-the-region");
        var russianArticle = "/ru/news/" + Seed.RussianArticleSlug;
        await _reader.WarmAsync(russianArticle, "/ru/conferences/" + Seed.RussianConferenceSlug);
        var token = await Staff.TokenAsync(editor, "/admin/sections");

        await editor.PostAsync($"/admin/sections?handler=Save&id={S(news)}",
            Staff.Form(token, ("name", "News"), ("slug", "news"), ("parentId", S(parent)), ("nameIn[ru]", "Региональные новости")));

        Assert.Contains("Региональные новости", await _reader.FreshAsync(russianArticle), StringComparison.Ordinal);
        await _reader.StillCachedAsync("/ru/conferences/" + Seed.RussianConferenceSlug);
    }
}
